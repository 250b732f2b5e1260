using System.Text;
using AsperaNative.Emulators.Node;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// The most verbose log (<c>--log-level=trace2</c>: HTTP headers and bodies, ascp's command line and environment)
/// of a node, a server and a transfer command holds none of the secrets given on the command line, unless the
/// user asks with <c>--log-secrets=yes</c>.
/// </summary>
public sealed class TraceSecretsTests : IDisposable
{
    private readonly Ascli _ascli = new();

    public void Dispose() => _ascli.Dispose();

    private static void AssertNone(Ascli.Run run, params string[] secrets)
    {
        Assert.Contains("DEBUG", run.Err, StringComparison.Ordinal);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, run.Out + run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_call_logs_its_headers_without_the_credentials()
    {
        string docroot = Directory.CreateDirectory(Path.Combine(_ascli.Home, "docroot")).FullName;
        await using var node = await NodeEmulator.StartAsync(docroot);
        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{NodeEmulator.AdminUser}:{NodeEmulator.AdminPassword}"));
        string[] args = ["node", "info", $"--url={node.Url}", $"--username={NodeEmulator.AdminUser}", $"--password={NodeEmulator.AdminPassword}", "--insecure=yes", "--log-level=trace2"];
        var run = _ascli.Exec(args);
        Assert.Equal(0, run.Exit);
        AssertNone(run, NodeEmulator.AdminPassword, basic);
        // asked for: shown (the log above did hold the request)
        var shown = _ascli.Exec([.. args, "--log-secrets=yes"]);
        Assert.Contains(basic, shown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_command_logs_its_connection_without_the_password_or_the_key_passphrase()
    {
        var run = _ascli.Exec("server", "ls", "/", "--url=ssh://127.0.0.1:1", "--username=u", "--password=Srv-S3cret-77", "--passphrase=Key-Phr4se-88", "--log-level=trace2");
        Assert.Equal(1, run.Exit);
        AssertNone(run, "Srv-S3cret-77", "Key-Phr4se-88");
    }

    [Fact]
    public void A_transfer_logs_the_ascp_command_and_its_spec_without_the_password_or_token()
    {
        string ascp = StandInAscp.Create(Path.Combine(_ascli.Home, "sdk"));
        string source = Path.Combine(_ascli.Home, "one.txt");
        File.WriteAllText(source, "hello");
        string target = Directory.CreateDirectory(Path.Combine(_ascli.Home, "target")).FullName;
        var run = _ascli.Exec("server", "upload", source, "--url=ssh://127.0.0.1:33001", "--username=u", "--password=Xfer-S3cret-99",
            $"--to-folder={target}", $"--ascp-path={ascp}", "--progress-bar=no", "--ts=@json:{\"token\":\"Bearer Tok-Secr3t-55\",\"content_protection_password\":\"Cp-S3cret-66\"}",
            "--transfer-info=@json:{\"spawn_timeout_sec\":30}", "--log-level=trace2");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(target, "one.txt")));
        AssertNone(run, "Xfer-S3cret-99", "Tok-Secr3t-55", "Cp-S3cret-66");
    }
}
