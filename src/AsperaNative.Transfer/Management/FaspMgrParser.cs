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
