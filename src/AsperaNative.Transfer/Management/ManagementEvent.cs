using System.Text.Json.Nodes;

namespace AsperaNative.Transfer.Management;

/// <summary>
/// One event of ascp's management port (ascp manual, "management port"): the <c>Name: Value</c>
/// fields of a <c>FASPMGR 2</c> frame, in order. Immutable once parsed.
/// </summary>
public sealed class ManagementEvent(IReadOnlyList<KeyValuePair<string, string>> fields)
{
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; } = fields;

    // ascp writes Type first: read once, events are many
    private readonly string _type = fields.Count > 0 && fields[0].Key == "Type" ? fields[0].Value : Last(fields, "Type") ?? "";

    private static string? Last(IReadOnlyList<KeyValuePair<string, string>> fields, string name)
    {
        for (int i = fields.Count - 1; i >= 0; i--)
            if (fields[i].Key == name) return fields[i].Value;
        return null;
    }

    /// <summary>The field's value, null when absent (the last one when repeated).</summary>
    public string? this[string name] => Last(Fields, name);

    public string Type => _type;
    public string? SessionId => this["SessionId"];

    public long Long(string name) => long.TryParse(this[name], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long v) ? v : 0;

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
        var sb = new System.Text.StringBuilder(name.Length + 4);
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
