using System.Text;

namespace AsperaNative.Transfer.Management;

/// <summary>
/// Line parser of the management protocol: a frame is the header <c>FASPMGR 2</c>, one
/// <c>Name: Value</c> line per field, then an empty line. Anything else is a protocol error.
/// A busy transfer sends thousands of frames a second, nearly all STATS with the same fields in the same
/// order: names are matched by their bytes against the previous frame's, and values stay bytes until read.
/// </summary>
public sealed class FaspMgrParser
{
    public const string Header = "FASPMGR 2";

    private static readonly byte[] HeaderBytes = Encoding.ASCII.GetBytes(Header);
    private static readonly byte[] Separator = ": "u8.ToArray();

    /// <summary>The last complete event (the one that decides the session's outcome).</summary>
    public ManagementEvent? LastEvent { get; private set; }

    public int EventCount { get; private set; }

    // the frame being read: field names, and the bytes of its values one after the other
    private bool _inFrame;
    private readonly List<string> _names = new(16);
    private readonly List<int> _valueEnds = new(16);
    private byte[] _values = new byte[1024];
    private int _valuesLength;

    // the names of the previous frame by position, with their bytes: the next frame has the same ones
    private readonly List<(byte[] Bytes, string Name)> _previousNames = new(16);
    // every name seen, the same string instance for every frame
    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);

    /// <summary>Feeds one line of UTF-8 bytes (without its end of line); returns the event it completes, if any.</summary>
    public ManagementEvent? ProcessLine(ReadOnlySpan<byte> line)
    {
        if (line.SequenceEqual(HeaderBytes))
        {
            _inFrame = true;
            _names.Clear();
            _valueEnds.Clear();
            _valuesLength = 0;
            return null;
        }
        if (line.Length == 0)
        {
            if (!_inFrame) throw new InvalidDataException("mgt port: unexpected line: end frame without header");
            var e = new ManagementEvent([.. _names], [.. _valueEnds], _values.AsSpan(0, _valuesLength).ToArray());
            _inFrame = false;
            LastEvent = e;
            EventCount++;
            return e;
        }
        int sep = line.IndexOf(Separator);
        if (sep <= 0) throw new InvalidDataException($"mgt port: unexpected line: [{Encoding.UTF8.GetString(line)}]");
        if (!_inFrame) throw new InvalidDataException("mgt port: unexpected line: data without header");
        _names.Add(NameOf(line[..sep], _names.Count));
        var value = line[(sep + 2)..];
        if (_valuesLength + value.Length > _values.Length) Array.Resize(ref _values, Math.Max(_values.Length * 2, _valuesLength + value.Length));
        value.CopyTo(_values.AsSpan(_valuesLength));
        _valuesLength += value.Length;
        _valueEnds.Add(_valuesLength);
        return null;
    }

    /// <summary>Feeds one line (without its end of line); returns the event it completes, if any.</summary>
    public ManagementEvent? ProcessLine(string line) => ProcessLine(Encoding.UTF8.GetBytes(line));

    private string NameOf(ReadOnlySpan<byte> bytes, int position)
    {
        if (position < _previousNames.Count && bytes.SequenceEqual(_previousNames[position].Bytes)) return _previousNames[position].Name;
        string decoded = Encoding.UTF8.GetString(bytes);
        if (!_known.TryGetValue(decoded, out var name)) _known[decoded] = name = decoded;
        var entry = (bytes.ToArray(), name);
        if (position < _previousNames.Count) _previousNames[position] = entry;
        else if (position == _previousNames.Count) _previousNames.Add(entry);
        return name;
    }
}
