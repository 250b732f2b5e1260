namespace AsperaNative.Transfer.Management;

/// <summary>
/// Line parser of the management protocol: a frame is the header <c>FASPMGR 2</c>, one
/// <c>Name: Value</c> line per field, then an empty line. Anything else is a protocol error.
/// </summary>
public sealed class FaspMgrParser
{
    public const string Header = "FASPMGR 2";

    private List<KeyValuePair<string, string>>? _building;

    /// <summary>The last complete event (the one that decides the session's outcome).</summary>
    public ManagementEvent? LastEvent { get; private set; }

    public int EventCount { get; private set; }

    private static readonly byte[] HeaderBytes = System.Text.Encoding.ASCII.GetBytes(Header);
    private static readonly byte[] Separator = ": "u8.ToArray();

    /// <summary>Field names: the same string instances for every event (names are few, events are many).</summary>
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NameLookup => _names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Feeds one line of UTF-8 bytes (without its end of line); returns the event it completes, if any.</summary>
    public ManagementEvent? ProcessLine(ReadOnlySpan<byte> line)
    {
        if (line.SequenceEqual(HeaderBytes))
        {
            // STATS, the most frequent event, has about 8 fields
            _building = new List<KeyValuePair<string, string>>(8);
            return null;
        }
        if (line.Length == 0) return ProcessLine("");
        int sep = line.IndexOf(Separator);
        if (sep <= 0 || _building is null || sep > 128) return ProcessLine(System.Text.Encoding.UTF8.GetString(line));
        Span<char> chars = stackalloc char[sep];
        int n = System.Text.Encoding.UTF8.GetChars(line[..sep], chars);
        var lookup = NameLookup;
        if (!lookup.TryGetValue(chars[..n], out var name))
        {
            name = new string(chars[..n]);
            _names[name] = name;
        }
        _building.Add(new(name, System.Text.Encoding.UTF8.GetString(line[(sep + 2)..])));
        return null;
    }

    /// <summary>Feeds one line (without its end of line); returns the event it completes, if any.</summary>
    public ManagementEvent? ProcessLine(string line)
    {
        if (line == Header)
        {
            _building = [];
            return null;
        }
        if (line.Length == 0)
        {
            if (_building is null) throw new InvalidDataException("mgt port: unexpected line: end frame without header");
            var e = new ManagementEvent(_building);
            _building = null;
            LastEvent = e;
            EventCount++;
            return e;
        }
        int sep = line.IndexOf(": ", StringComparison.Ordinal);
        if (sep <= 0) throw new InvalidDataException($"mgt port: unexpected line: [{line}]");
        if (_building is null) throw new InvalidDataException("mgt port: unexpected line: data without header");
        _building.Add(new(line[..sep], line[(sep + 2)..]));
        return null;
    }
}
