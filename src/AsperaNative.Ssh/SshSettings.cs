using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Ssh;

/// <summary>How strictly the server's host key is checked against <c>known_hosts</c> (Net::SSH's <c>verify_host_key</c>).</summary>
public enum HostKeyPolicy
{
    /// <summary>No check at all.</summary>
    Never,
    /// <summary>Unknown hosts are accepted and recorded, a different key is refused (Net::SSH's default).</summary>
    AcceptNew,
    /// <summary>Unknown hosts and different keys are refused.</summary>
    Always,
}

/// <summary>
/// What one SSH session needs: the server, the user, the credentials and the subset of Net::SSH's
/// options (<c>--ssh-options</c>) that SSH.NET can honour, read once from the option hash.
/// </summary>
public sealed record SshSettings(string Host, int Port, string User)
{
    /// <summary>Net::SSH's port when the URL has none.</summary>
    public const int DefaultPort = 22;

    public string? Password { get; init; }
    public IReadOnlyList<string> KeyPaths { get; init; } = [];
    public string? Passphrase { get; init; }
    /// <summary>The user's home folder, where Net::SSH's default identities (<c>~/.ssh/id_*</c>) are looked for.</summary>
    public string? Home { get; init; }
    /// <summary>Connection (and key exchange) timeout; Net::SSH's <c>timeout</c> in seconds.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary>Keep-alive period when <c>keepalive</c> is true (<c>keepalive_interval</c>, default 300 s).</summary>
    public TimeSpan? KeepAlive { get; init; }
    public HostKeyPolicy HostKeys { get; init; } = HostKeyPolicy.AcceptNew;
    /// <summary>Known hosts files, the first one receiving new hosts.</summary>
    public IReadOnlyList<string> KnownHostsFiles { get; init; } = [];
    /// <summary>Allowed ciphers, MACs, key exchanges and host key types (empty: SSH.NET's defaults).</summary>
    public IReadOnlyList<string> Ciphers { get; init; } = [];
    public IReadOnlyList<string> Macs { get; init; } = [];
    public IReadOnlyList<string> KeyExchanges { get; init; } = [];
    public IReadOnlyList<string> HostKeyTypes { get; init; } = [];
    /// <summary>Authentication methods allowed (<c>auth_methods</c>), null for all.</summary>
    public IReadOnlyList<string>? AuthMethods { get; init; }

    /// <summary>
    /// Applies Net::SSH option names to the settings: <c>port</c>, <c>user</c>, <c>password</c>, <c>keys</c>,
    /// <c>passphrase</c>, <c>timeout</c>, <c>keepalive</c>, <c>keepalive_interval</c>, <c>verify_host_key</c>
    /// (also the old <c>paranoid</c>), <c>user_known_hosts_file</c>, <c>encryption</c>, <c>hmac</c>, <c>kex</c>,
    /// <c>host_key</c>, <c>auth_methods</c>, <c>number_of_password_prompts</c> (0 disables the password).
    /// Options SSH.NET has no counterpart for (<c>use_agent</c>, <c>verbose</c>, <c>compression</c>...) are ignored.
    /// </summary>
    public SshSettings With(JsonObject? options, string home)
    {
        if (options is null || options.Count == 0) return this with { Home = home, KnownHostsFiles = KnownHostsFiles.Count > 0 ? KnownHostsFiles : DefaultKnownHosts(home) };
        var s = this with { Home = home };
        if (Int(options, "port") is { } port) s = s with { Port = port };
        if (Str(options, "user") is { } user) s = s with { User = user };
        if (Str(options, "password") is { } password) s = s with { Password = password };
        if (List(options, "keys") is { Count: > 0 } keys) s = s with { KeyPaths = keys };
        if (Str(options, "passphrase") is { } passphrase) s = s with { Passphrase = passphrase };
        if (Seconds(options, "timeout") is { } timeout) s = s with { Timeout = timeout };
        if (Bool(options, "keepalive") == true) s = s with { KeepAlive = Seconds(options, "keepalive_interval") ?? TimeSpan.FromSeconds(300) };
        var verify = options["verify_host_key"] ?? options["paranoid"];
        if (verify is not null) s = s with { HostKeys = PolicyOf(verify) };
        var known = List(options, "user_known_hosts_file");
        s = s with { KnownHostsFiles = known is { Count: > 0 } ? known.Select(k => ExpandHome(k, home)).ToList() : DefaultKnownHosts(home) };
        if (List(options, "encryption") is { } ciphers) s = s with { Ciphers = ciphers };
        if (List(options, "hmac") is { } macs) s = s with { Macs = macs };
        if (List(options, "kex") is { } kex) s = s with { KeyExchanges = kex };
        if (List(options, "host_key") is { } hostKeys) s = s with { HostKeyTypes = hostKeys };
        if (List(options, "auth_methods") is { } methods) s = s with { AuthMethods = methods };
        if (Int(options, "number_of_password_prompts") == 0) s = s with { Password = null };
        return s;
    }

    /// <summary>Net::SSH's default user known hosts files.</summary>
    public static IReadOnlyList<string> DefaultKnownHosts(string home)
        => [Path.Combine(home, ".ssh", "known_hosts"), Path.Combine(home, ".ssh", "known_hosts2")];

    /// <summary>Expands a leading <c>~</c> like Ruby's <c>File.expand_path</c>.</summary>
    public static string ExpandHome(string path, string home)
    {
        if (path == "~") return home;
        if (path.StartsWith("~/", StringComparison.Ordinal)) return Path.Combine(home, path[2..]);
        return Path.GetFullPath(path);
    }

    private static HostKeyPolicy PolicyOf(JsonNode value) => value.ToString() switch
    {
        "never" or "false" => HostKeyPolicy.Never,
        "always" or "secure" or "very" => HostKeyPolicy.Always,
        "accept_new" or "accept_new_or_local_tunnel" or "true" or "lenient" => HostKeyPolicy.AcceptNew,
        var other => throw CliException.Other("ArgumentError", $"expected :never, :accept_new_or_local_tunnel, :accept_new, or :always for verify_host_key, got {other}"),
    };

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : o[key]?.ToString();

    private static bool? Bool(JsonObject o, string key) => o[key] switch
    {
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when JsonScalar.TryGetText(v, out string? s) => s is "true" or "yes",
        _ => null,
    };

    private static int? Int(JsonObject o, string key) => o[key] switch
    {
        JsonValue v when v.TryGetValue(out int i) => i,
        JsonValue v when JsonScalar.TryGetText(v, out string? s) && int.TryParse(s, out int j) => j,
        _ => null,
    };

    private static TimeSpan? Seconds(JsonObject o, string key) => o[key] switch
    {
        JsonValue v when v.TryGetValue(out double d) => TimeSpan.FromSeconds(d),
        JsonValue v when JsonScalar.TryGetText(v, out string? s) && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out double e) => TimeSpan.FromSeconds(e),
        _ => null,
    };

    private static List<string>? List(JsonObject o, string key) => o[key] switch
    {
        null => null,
        JsonArray a => a.Select(static i => i?.ToString() ?? "").ToList(),
        var single => [single.ToString()],
    };
}
