using System.Text.RegularExpressions;

namespace AsperaNative.Rest;

/// <summary>
/// Hides secrets in request and response dumps unless <c>--log-secrets=yes</c>: authorization
/// headers, and values of fields whose name says secret (password, token, assertion, key…)
/// in JSON and form bodies.
/// </summary>
public static partial class Redactor
{
    public const string Hidden = "🔑";

    private static readonly string[] SecretHeaders = ["Authorization", "Proxy-Authorization", "X-Aspera-AccessKey-Secret", "Passcode"];

    public static bool IsSecretHeader(string name) => SecretHeaders.Any(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Keeps the scheme word of an authorization value (<c>Bearer 🔑</c>) as a hint of what was sent.</summary>
    public static string Header(string name, string value)
    {
        if (!IsSecretHeader(name)) return value;
        int space = value.IndexOf(' ');
        return space > 0 ? value[..(space + 1)] + Hidden : Hidden;
    }

    /// <summary>Redacts secret fields in a JSON or form-encoded body text.</summary>
    public static string Body(string body)
    {
        body = JsonSecret().Replace(body, m => m.Groups[1].Value + "\"" + Hidden + "\"");
        return FormSecret().Replace(body, m => m.Groups[1].Value + Hidden);
    }

    [GeneratedRegex("(\"[a-z_]*(?:password|secret|token|assertion|private_key|passphrase|passcode)[a-z_]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.IgnoreCase)]
    private static partial Regex JsonSecret();

    [GeneratedRegex("((?:^|&)[a-z_]*(?:password|secret|token|assertion|passcode)[a-z_]*=)[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex FormSecret();
}
