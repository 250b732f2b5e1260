// Plugin server: detection (config detect: an SSH server answers the client's identification with its own,
// SSH-2.0-<version>, on port 33001 or 22 of a bare host name) and wizard (url, username, password).
// Manual: "Configuration: wizard".
using System.Net.Sockets;
using System.Text;
using AsperaNative.Core.Commands;

namespace AsperaNative.Plugins.Server;

public sealed partial class ServerPlugin
{
    private const string SshScheme = "ssh";
    private const string ClientIdentification = "SSH-2.0-Ascli_0.0";
    private const string ServerIdentificationPrefix = "SSH-2.0-";
    private static readonly TimeSpan BannerTimeout = TimeSpan.FromSeconds(10);

    public string ApplicationName => "HSTS Fasp/SSH";

    public Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default)
    {
        // WebSocket (wss) is not probed: it needs a token
        string[] candidates = ApplicationProbe.HasScheme(addressOrUrl)
            ? [addressOrUrl]
            : [$"{SshScheme}://{addressOrUrl}:33001", $"{SshScheme}://{addressOrUrl}:22"];
        return ApplicationProbe.FirstAsync(candidates, url => IdentifyAsync(url, cancel));
    }

    /// <summary>The SSH identification exchange of RFC 4253 §4.2, nothing more.</summary>
    private static async Task<DetectedApplication?> IdentifyAsync(string url, CancellationToken cancel)
    {
        var uri = new Uri(url);
        if (uri.Scheme != SshScheme) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(BannerTimeout);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(ClientIdentification + "\n"), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        string line = (await reader.ReadLineAsync(timeout.Token) ?? "").TrimEnd('\r');
        return line.StartsWith(ServerIdentificationPrefix, StringComparison.Ordinal)
            ? new DetectedApplication(url, line[ServerIdentificationPrefix.Length..])
            : null;
    }

    public Task<WizardPreset> WizardAsync(WizardRequest request, CancellationToken cancel = default)
        => Task.FromResult(WizardPreset.Basic(auth, "files br /"));
}
