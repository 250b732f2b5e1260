using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace AsperaNative.Transfer.Management;

/// <summary>
/// One event of ascp's management port (ascp manual, "management port"): the <c>Name: Value</c>
/// fields of a <c>FASPMGR 2</c> frame, in order. Immutable once parsed; a value becomes a string only
/// when it is read (supervision reads three or four fields of each STATS frame).
/// </summary>
public sealed class ManagementEvent
{
    private readonly string[] _names;
    private readonly int[] _valueEnds;
    private readonly byte[] _values;
    private string?[]? _decoded;
    private KeyValuePair<string, string>[]? _fields;

    internal ManagementEvent(string[] names, int[] valueEnds, byte[] values)
    {
        _names = names;
        _valueEnds = valueEnds;
        _values = values;
        // ascp writes Type first: read once, events are many
        int type = names.Length > 0 && names[0] == "Type" ? 0 : LastIndex("Type");
        Type = type < 0 ? "" : Value(type);
    }

    /// <summary>An event of these fields (in this order).</summary>
    public ManagementEvent(IReadOnlyList<KeyValuePair<string, string>> fields) : this(Parts(fields, out var ends, out var values), ends, values) { }

    private static string[] Parts(IReadOnlyList<KeyValuePair<string, string>> fields, out int[] ends, out byte[] values)
    {
        var names = new string[fields.Count];
        ends = new int[fields.Count];
        var bytes = new List<byte>();
        for (int i = 0; i < fields.Count; i++)
        {
            names[i] = fields[i].Key;
            bytes.AddRange(Encoding.UTF8.GetBytes(fields[i].Value));
            ends[i] = bytes.Count;
        }
        values = [.. bytes];
        return names;
    }

    /// <summary>Every field, in order (decoded on first use).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields
    {
        get
        {
            if (_fields is null)
            {
                var fields = new KeyValuePair<string, string>[_names.Length];
                for (int i = 0; i < fields.Length; i++) fields[i] = new(_names[i], Value(i));
                _fields = fields;
            }
            return _fields;
        }
    }

    private int LastIndex(string name)
    {
        for (int i = _names.Length - 1; i >= 0; i--)
            if (string.Equals(_names[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    private ReadOnlySpan<byte> Bytes(int index)
    {
        int start = index == 0 ? 0 : _valueEnds[index - 1];
        return _values.AsSpan(start, _valueEnds[index] - start);
    }

    private string Value(int index)
    {
        _decoded ??= new string?[_names.Length];
        return _decoded[index] ??= Encoding.UTF8.GetString(Bytes(index));
    }

    /// <summary>The field's value, null when absent (the last one when repeated).</summary>
    public string? this[string name] => LastIndex(name) is var i and >= 0 ? Value(i) : null;

    public string Type { get; }
    public string? SessionId => this["SessionId"];

    /// <summary>An integer field, 0 when absent or not an integer.</summary>
    public long Long(string name)
    {
        int i = LastIndex(name);
        if (i < 0) return 0;
        var bytes = Bytes(i);
        if (Utf8Parser.TryParse(bytes, out long v, out int used) && used == bytes.Length) return v;
        // the rarer forms that .NET integer parsing accepts (surrounding blanks, a plus sign)
        return long.TryParse(Value(i), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out v) ? v : 0;
    }

    private static readonly HashSet<string> IntegerFields = new(StringComparer.Ordinal)
    {
        "Bytescont", "FaspFileArgIndex", "StartByte", "Rate", "MinRate", "Port", "Priority", "RateCap", "MinRateCap", "TCPPort",
        "CreatePolicy", "TimePolicy", "DatagramSize", "XoptFlags", "VLinkVersion", "PeerVLinkVersion", "DSPipelineDepth",
        "PeerDSPipelineDepth", "ReadBlockSize", "WriteBlockSize", "ClusterNumNodes", "ClusterNodeId", "Size", "Written", "Loss",
        "FileBytes", "PreTransferBytes", "TransferBytes", "PMTU", "Elapsedusec", "ArgScansAttempted", "ArgScansCompleted",
        "PathScansAttempted", "FileScansCompleted", "TransfersAttempted", "TransfersPassed", "Delay",
    };

    private static readonly HashSet<string> BooleanFields = new(StringComparer.Ordinal)
    {
        "Encryption", "Remote", "RateLock", "MinRateLock", "PolicyLock", "FilesEncrypt", "FilesDecrypt", "VLinkLocalEnabled",
        "VLinkRemoteEnabled", "MoveRange", "Keepalive", "TestLogin", "UseProxy", "Precalc", "RTTAutocorrect",
    };

    /// <summary>The event as JSON with snake_case names and typed values (asession's event lines).</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (name, value) in Fields)
        {
            string key = SnakeCase(name);
            if (IntegerFields.Contains(name) && long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long l)) o[key] = l;
            else if (BooleanFields.Contains(name)) o[key] = value == "Yes";
            else o[key] = value;
        }
        return o;
    }

    /// <summary><c>SessionId</c> → <c>session_id</c>, <c>Elapsedusec</c> → <c>elapsed_usec</c>, <c>PMTU</c> → <c>pmtu</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        string s = sb.ToString();
        return s.EndsWith("usec", StringComparison.Ordinal) && !s.EndsWith("_usec", StringComparison.Ordinal) ? s[..^4] + "_usec" : s;
    }
}
