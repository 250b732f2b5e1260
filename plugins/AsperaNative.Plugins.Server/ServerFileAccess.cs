using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Ssh;
using AsperaNative.Ssh.Files;

namespace AsperaNative.Plugins.Server;

/// <summary>
/// The file-operation session of the server designated by the options, built as ascli builds its SSH executor:
/// host, user, port and password from the base transfer spec, <c>--ssh-keys</c> (all of them), <c>--passphrase</c>
/// and <c>--ssh-options</c>; <c>local:</c> runs ascmd on this host.
/// </summary>
internal sealed class ServerFileAccess(ServerPlugin plugin)
{
    public ServerFileSession Open()
    {
        var spec = plugin.BaseTransferSpec();
        if (spec.ContainsKey("wss_enabled")) throw CliException.BadArgument("file operations need an SSH URL (ssh://host:port): a WSS session only transfers");
        if (!spec.ContainsKey("remote_user")) return ServerFileSession.Local();
        var options = plugin.Options;
        string home = plugin.Context.ExtendedValues.HomeFolder;
        int port = spec["ssh_port"] is JsonValue p && p.TryGetValue(out int value) ? value : SshSettings.DefaultPort;
        var settings = new SshSettings(spec["remote_host"]!.GetValue<string>(), port, spec["remote_user"]!.GetValue<string>())
        {
            Password = plugin.Auth.Password,
            KeyPaths = Keys(options.SshKeys).Select(k => SshSettings.ExpandHome(k, home)).ToList(),
            Passphrase = options.Passphrase,
        }.With(options.SshOptions, home);
        return ServerFileSession.OverSsh(settings, plugin.Transfer.Log.Debug);
    }

    private static IEnumerable<string> Keys(JsonNode? keys) => keys switch
    {
        null => [],
        JsonArray a => a.Select(static k => k?.ToString() ?? ""),
        _ => [keys.ToString()],
    };
}
