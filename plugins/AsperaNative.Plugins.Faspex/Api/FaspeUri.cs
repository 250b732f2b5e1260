using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;

namespace AsperaNative.Plugins.Faspex.Api;

/// <summary>
/// A <c>faspe://[user@]host[:port]/path?params</c> package link of Faspex 4 as a transfer spec (ascli's
/// Transfer::Uri): host, user, port, the path as the source, and the query parameters mapped to spec fields.
/// </summary>
public static partial class FaspeUri
{
    public const string Scheme = "faspe";

    public static bool IsFaspe(string link) => link.StartsWith(Scheme + ":", StringComparison.Ordinal);

    public static JsonObject TransferSpec(string link, AppLog log)
    {
        var uri = Parse(link.Replace(" ", "%20", StringComparison.Ordinal));
        var spec = new JsonObject
        {
            ["remote_host"] = uri.Host,
            ["remote_user"] = uri.User,
            ["ssh_port"] = uri.Port,
            ["paths"] = new JsonArray(new JsonObject { ["source"] = PublicLink.FormDecode(uri.Path) }),
        };
        // Faspex 4 does not encode the trailing base64 padding of the query
        string query = TrailingEquals().Replace(uri.Query ?? "", m => string.Concat(Enumerable.Repeat("%3D", m.Length)));
        foreach (var (name, value) in PublicLink.QueryToHash(query))
        {
            switch (name)
            {
                case "cookie": spec["cookie"] = value; break;
                case "token": spec["token"] = value; break;
                case "sshfp": spec["sshfp"] = value; break;
                case "policy": spec["rate_policy"] = value; break;
                case "httpport": spec["http_fallback_port"] = RubyInteger(value); break;
                case "targetrate": spec["target_rate_kbps"] = RubyInteger(value); break;
                case "minrate": spec["min_rate_kbps"] = RubyInteger(value); break;
                case "port": spec["fasp_port"] = RubyInteger(value); break;
                case "bwcap": spec["target_rate_cap_kbps"] = RubyInteger(value); break;
                case "enc": spec["cipher"] = Cipher(value); break;
                case "tags64": spec["tags"] = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(value))); break;
                case "createpath": spec["create_dir"] = YesToTrue(value); break;
                case "fallback": spec["http_fallback"] = YesToTrue(value); break;
                case "lockpolicy": spec["lock_rate_policy"] = YesToTrue(value); break;
                case "lockminrate": spec["lock_min_rate"] = YesToTrue(value); break;
                case "auth" or "v" or "protect": log.Debug($"ignoring {name}={value}"); break;
                default: log.Warn($"URI parameter ignored: {name} = {value}"); break;
            }
        }
        return spec;
    }

    private sealed record Parts(string Host, string? User, int? Port, string Path, string? Query);

    /// <summary>The parts of a generic URI (RFC 3986), keeping the user and an absent port as ascli's URI does.</summary>
    private static Parts Parse(string link)
    {
        var m = UriParts().Match(link);
        string scheme = m.Success ? m.Groups["scheme"].Value : "";
        if (scheme != Scheme) throw CliException.Assertion($"Invalid scheme: {(scheme.Length == 0 ? "" : scheme)}");
        string authority = m.Groups["authority"].Value;
        string? user = null;
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            user = authority[..at];
            authority = authority[(at + 1)..];
        }
        int? port = null;
        int colon = authority.LastIndexOf(':');
        if (colon >= 0 && !authority.EndsWith(']'))
        {
            if (int.TryParse(authority[(colon + 1)..], out int p)) port = p;
            authority = authority[..colon];
        }
        return new Parts(authority, user, port, m.Groups["path"].Value, m.Groups["query"].Success ? m.Groups["query"].Value : null);
    }

    private static string Cipher(string value)
    {
        string cipher = value.StartsWith("aes", StringComparison.Ordinal) ? "aes-" + value[3..] : value;
        if (cipher.EndsWith("cfb", StringComparison.Ordinal)) cipher = cipher[..^3] + "-cfb";
        if (cipher.EndsWith("gcm", StringComparison.Ordinal)) cipher = cipher[..^3] + "-gcm";
        return cipher.Replace("--", "-", StringComparison.Ordinal);
    }

    private static bool YesToTrue(string value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => throw CliException.Runtime($"unsupported value: {value}"),
    };

    /// <summary>Ruby's <c>String#to_i</c>: the leading digits (0 when none).</summary>
    internal static long RubyInteger(string value)
    {
        var m = LeadingInteger().Match(value);
        return m.Success && long.TryParse(m.Value, out long n) ? n : 0;
    }

    [GeneratedRegex("=+$")]
    private static partial Regex TrailingEquals();

    [GeneratedRegex(@"^\s*[+-]?\d+")]
    private static partial Regex LeadingInteger();

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*):(//(?<authority>[^/?#]*))?(?<path>[^?#]*)(\?(?<query>[^#]*))?")]
    private static partial Regex UriParts();
}
