using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;

namespace AsperaNative.Transfer.TransferSpec;

/// <summary>Local files the builder refers to (SSH bypass keys, HTTP fallback certificate), from the SDK folder.</summary>
public interface IAscpResources
{
    string BypassKeyPath(string type);
    string FallbackCertificatePath();
    string FallbackPrivateKeyPath();
}

/// <summary>Agent settings that shape the command line (from <c>--transfer-info</c>).</summary>
public sealed record AscpBuildOptions
{
    public bool Wss { get; init; } = true;
    public IReadOnlyList<string> AscpArgs { get; init; } = [];
    public bool Quiet { get; init; } = true;
    public IReadOnlyList<string>? TrustedCerts { get; init; }
    public string ClientSshKey { get; init; } = "rsa";
    /// <summary>Folder of generated file lists; null places sources on the command line.</summary>
    public string? FileListFolder { get; init; }
}

/// <summary>
/// Turns a transfer spec into ascp arguments and environment, driven by <see cref="SpecTable"/>:
/// <c>[-I cert -Y key] [-q] [-i key…] [--ws-connect] &lt;spec parameters in table order&gt; --dest64
/// &lt;ascp_args&gt; --file-list=F &lt;base64 destination&gt;</c>. Secrets go to environment variables only.
/// The spec is modified (WSS replaces ports), so callers pass their own copy.
/// </summary>
public sealed class AscpArgumentBuilder(JsonObject spec, AscpBuildOptions options, IAscpResources resources, TransferLog log)
{
    private static readonly string[] FileListOptions = ["--file-list", "--file-pair-list"];
    private readonly List<string> _args = [];
    // ascp's own test hook: ascli always disables Redis in ascp
    private readonly Dictionary<string, string> _env = new(StringComparer.Ordinal) { ["ASPERA_TEST_REDIS_DISABLE"] = "true" };
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool HasFileListOption(IEnumerable<string>? ascpArgs) => ascpArgs?.Any(a => FileListOptions.Contains(a)) == true;

    public AscpCommand Build()
    {
        if (spec["source_root"] is JsonValue root && JsonScalar.TryGetText(root, out string? r) && r.Length == 0) spec.Remove("source_root");
        if (Read("multi_session") is not null) throw CliException.Assertion("multi_session shall be handled by the agent");
        var certificates = RemoteCertificates();
        foreach (var p in SpecTable.All) Process(p);
        bool ascp4 = RubyValues.IsTrue(Read("use_ascp4"));
        if (!ascp4) _args.Add("--dest64");
        _args.AddRange(options.AscpArgs);
        string? fileList = ProcessFileList();
        string destination = Read("destination_root") is { } d ? RubyToS.Of(d) : "/";
        _args.Add(ascp4 ? destination : System.Convert.ToBase64String(Encoding.UTF8.GetBytes(destination)));
        foreach (var (key, value) in spec)
            if (!_used.Contains(key)) log.Warn($"unrecognized parameter: {key} = \"{RubyToS.Of(value)}\"");
        var prefix = new List<string>();
        var fallback = spec["http_fallback"];
        if (RubyValues.IsTrue(fallback) || RubyToS.Of(fallback) is "1" or "force")
            prefix.AddRange(["-I", resources.FallbackCertificatePath(), "-Y", resources.FallbackPrivateKeyPath()]);
        if (options.Quiet) prefix.Add("-q");
        foreach (var c in certificates) prefix.AddRange(["-i", c]);
        return new AscpCommand { Arguments = [.. prefix, .. _args], Environment = _env, UseAscp4 = ascp4, GeneratedFileList = fileList };
    }

    /// <summary>WSS when the server offers it (unless disabled and a FASP port is given), else SSH bypass keys for tokens.</summary>
    private List<string> RemoteCertificates()
    {
        var certificates = new List<string>();
        if (RubyValues.IsTrue(Read("wss_enabled")) && (options.Wss || !spec.ContainsKey("fasp_port")))
        {
            _args.Add("--ws-connect");
            spec["ssh_port"] = Read("wss_port")?.DeepClone();
            spec.Remove("fasp_port");
            spec.Remove("sshfp");
            if (options.TrustedCerts is { Count: > 0 } trusted) certificates.Add(trusted[0]);
        }
        else
        {
            spec.Remove("wss_port");
            if (spec.ContainsKey("token") && !spec.ContainsKey("remote_password"))
            {
                string[] types = options.ClientSshKey switch
                {
                    "dsa_rsa" => ["dsa", "rsa"],
                    "rsa" => ["rsa"],
                    "per_client" => throw CliException.Runtime("not implemented: per_client"),
                    var other => throw CliException.Assertion($"client_ssh_key: {other} is not one of dsa_rsa, rsa, per_client"),
                };
                certificates.AddRange(types.Select(resources.BypassKeyPath));
            }
        }
        return certificates;
    }

    private string? ProcessFileList()
    {
        bool inArgs = HasFileListOption(options.AscpArgs);
        bool mandatory = !spec.ContainsKey("keepalive") && !inArgs;
        if (mandatory && !spec.ContainsKey("paths")) throw new TransferException("Missing mandatory parameter: paths");
        if (Read("paths") is not JsonArray paths) return null;
        if (inArgs) throw CliException.Assertion("file list provided both in transfer spec and ascp file list. Remove one of them.");
        if (!paths.All(static p => p is JsonObject o && o.ContainsKey("source"))) throw CliException.Assertion("All elements of paths must have a 'source' key");
        bool pairs = paths.Any(static p => ((JsonObject)p!).ContainsKey("destination"));
        if (pairs && !paths.All(static p => ((JsonObject)p!).ContainsKey("destination")))
            throw CliException.Runtime("All elements of paths must be consistent with 'destination' key");
        var lines = new List<string>();
        foreach (JsonObject p in paths.Cast<JsonObject>())
        {
            lines.Add(RubyToS.Of(p["source"]));
            if (pairs) lines.Add(RubyToS.Of(p["destination"]));
        }
        if (options.FileListFolder is null)
        {
            if (pairs) throw CliException.Assertion("file pair list is not supported when file list folder is not set");
            _args.AddRange(lines);
            return null;
        }
        Directory.CreateDirectory(options.FileListFolder);
        string file = Path.Combine(options.FileListFolder, Guid.NewGuid().ToString());
        // no trailing newline: ascp reads the last line without it, and ascli writes it so
        File.WriteAllText(file, string.Join('\n', lines), new UTF8Encoding(false));
        _args.Add($"{(pairs ? "--file-pair-list" : "--file-list")}={file}");
        return file;
    }

    /// <summary>The (checked and converted) value of a parameter, for the agent's special handling.</summary>
    private JsonNode? Read(string name)
    {
        var p = SpecTable.Find(name)!;
        _used.Add(name);
        return Check(p) is { } v ? Convert(p, v) : null;
    }

    private void Process(SpecParameter p)
    {
        if (p.Kind != AscpKind.Special) _used.Add(p.Name);
        if (Check(p) is not { } value) return;
        value = Convert(p, value);
        switch (p.Kind)
        {
            case AscpKind.Env:
                _env[p.AscpName] = RubyToS.Of(value);
                break;
            case AscpKind.Flag:
                if (RubyValues.IsTrue(value)) _args.Add(p.AscpName);
                break;
            case AscpKind.Arg:
                if (value is JsonArray many)
                    foreach (var item in many) _args.AddRange([p.AscpName, RubyToS.Of(item)]);
                else
                    _args.AddRange([p.AscpName, RubyToS.Of(value)]);
                break;
        }
    }

    /// <summary>ascli's checks, in its order: type, then allowed values. Null when absent or nil.</summary>
    private JsonNode? Check(SpecParameter p)
    {
        if (!spec.TryGetPropertyValue(p.Name, out var value) || value is null) return null;
        if (RubyValues.SpecTypeOf(value) is not { } type || !p.Types.HasFlag(type))
            throw new TransferException($"{p.Name} is : {RubyValues.ClassName(value)} ({RubyToS.Of(value)}), shall be {p.RubyTypes}, ");
        if (p.Values.Length > 0 && !p.Values.Contains(RubyToS.Of(value)))
            throw CliException.Runtime($"Enum value {RubyToS.Of(value)} is not allowed for {p.Name}");
        return value;
    }

    private static JsonNode Convert(SpecParameter p, JsonNode value) => p.Conversion switch
    {
        SpecConversion.RemoveHyphen => JsonValue.Create(RubyToS.Of(value).Replace("-", "")),
        SpecConversion.Base64 => JsonValue.Create(System.Convert.ToBase64String(Encoding.UTF8.GetBytes(RubyToS.Of(value)))),
        SpecConversion.Json64 => JsonValue.Create(System.Convert.ToBase64String(Encoding.UTF8.GetBytes(value.ToJsonString(CompactJson)))),
        SpecConversion.Map => JsonValue.Create(p.Map(RubyToS.Of(value))
            ?? throw CliException.Runtime($"unsupported value: {RubyToS.Of(value)}, expect: {string.Join(", ", Enumerable.Range(0, p.ConversionMap.Length / 2).Select(i => p.ConversionMap[2 * i]))}")),
        _ => value,
    };
}
