using AsperaNative.Emulators.Node;
using AsperaNative.NodeApi.Agent;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Node;

/// <summary><c>--transfer=node</c> from another plugin (server): the node of <c>--transfer-info</c>, else the default node preset.</summary>
public sealed class TransferAgentNodeTests : IClassFixture<NodeFixture>
{
    private readonly NodeFixture _fixture;

    public TransferAgentNodeTests(NodeFixture fixture)
    {
        _fixture = fixture;
    }

    private static string[] Server(string file, string folder) =>
        ["server", "upload", file, "--url=ssh://127.0.0.1:33001", "--username=xfer", "--password=unused", $"--to-folder={folder}", "--transfer=node", "--insecure=yes", "--progress-bar=no"];

    [Fact]
    public void Server_upload_goes_through_the_node_of_transfer_info()
    {
        File.WriteAllText(Path.Combine(_fixture.Docroot, "srv_send.txt"), "through node");
        string info = $"--transfer-info=@json:{{\"url\":\"{_fixture.Node.Url}\",\"username\":\"{NodeEmulator.AdminUser}\",\"password\":\"{NodeEmulator.AdminPassword}\"}}";
        var r = _fixture.Home.Run([.. Server("srv_send.txt", "/srv_in"), info]);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal("through node", File.ReadAllText(Path.Combine(_fixture.Docroot, "srv_in", "srv_send.txt")));
    }

    [Fact]
    public void Without_transfer_info_the_default_node_preset_is_used()
    {
        using var home = new CliHome();
        Assert.Equal("ERROR: Argument: No default node configured. Please specify --transfer-info", home.Run(Server("x.txt", "/none")).Error);
        File.WriteAllText(home.ConfigFile,
            $"---\nconfig:\n  version: 4.21.1\ndefault:\n  node: mynode\nmynode:\n  url: {_fixture.Node.Url}\n  username: {NodeEmulator.AdminUser}\n  password: {NodeEmulator.AdminPassword}\n");
        File.WriteAllText(Path.Combine(_fixture.Docroot, "preset_send.txt"), "by preset");
        var r = home.Run(Server("preset_send.txt", "/preset_in"));
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal("by preset", File.ReadAllText(Path.Combine(_fixture.Docroot, "preset_in", "preset_send.txt")));
    }
}
