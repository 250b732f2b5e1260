using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;
using AsperaNative.NodeApi.Agent;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Tests.Support;

namespace AsperaNative.Transfer.Tests;

/// <summary>The node agent against the Node API emulator, whose transfers are queued, then run for a while, as a node's.</summary>
public sealed class NodeAgentTests
{
    private static (RestFactory, NodeApiClient) Client(NodeEmulator node)
    {
        var settings = new RestSettings { Insecure = true, WarnInsecure = false, Http = HttpOptions.Default with { RetrySleep = TimeSpan.Zero } };
        var factory = new RestFactory(() => settings);
        return (factory, NodeConnection.Create(factory, node.Url, NodeEmulator.AdminUser, NodeEmulator.AdminPassword));
    }

    [Fact]
    public async Task ProgressFollowsTheNodeStatusFromQueuedToCompleted()
    {
        using var s = new StandIn();
        string docroot = s.Path_("docroot");
        Directory.CreateDirectory(docroot);
        File.WriteAllText(Path.Combine(docroot, "a.bin"), new string('a', 3000));
        File.WriteAllText(Path.Combine(docroot, "b.bin"), new string('b', 5000));
        await using var node = await NodeEmulator.StartAsync(docroot);
        node.Store.RealisticTransfers();
        var (factory, client) = Client(node);
        using var _ = factory;
        var agent = new NodeAgent(client) { PollInterval = TimeSpan.FromMilliseconds(100) };
        var spec = new JsonObject
        {
            ["direction"] = "send", ["remote_host"] = "127.0.0.1", ["remote_user"] = "xfer", ["destination_root"] = "/in",
            ["paths"] = new JsonArray(new JsonObject { ["source"] = "a.bin" }, new JsonObject { ["source"] = "b.bin" }),
        };
        var events = new RecordingListener();
        var statuses = await agent.TransferAsync(spec, events, null, CancellationToken.None);
        Assert.True(statuses.Single().Success, statuses.Single().Error?.Message);
        Assert.Equal(new string('b', 5000), File.ReadAllText(Path.Combine(docroot, "in", "b.bin")));
        var kinds = events.Events.Select(static e => e.Kind).ToList();
        // queued first, then one session whose size is known before its bytes grow to the total
        Assert.Contains(events.Events, static e => e is { Kind: ProgressKind.PreStart, Info: "waiting" });
        Assert.Single(events.Events, static e => e.Kind == ProgressKind.SessionStart);
        Assert.True(kinds.IndexOf(ProgressKind.PreStart) < kinds.IndexOf(ProgressKind.SessionStart));
        Assert.Contains(events.Events, static e => e is { Kind: ProgressKind.SessionSize, Bytes: 8000 });
        var bytes = events.Events.Where(static e => e.Kind == ProgressKind.Transfer).Select(static e => e.Bytes).ToList();
        Assert.Contains(3000L, bytes);
        Assert.Equal(8000L, bytes[^1]);
        Assert.Equal(bytes.Order(), bytes);
        Assert.Equal(ProgressKind.End, kinds[^1]);
    }

    [Fact]
    public async Task AFailedNodeTransferIsATransferError()
    {
        using var s = new StandIn();
        string docroot = s.Path_("docroot");
        Directory.CreateDirectory(docroot);
        await using var node = await NodeEmulator.StartAsync(docroot);
        var (factory, client) = Client(node);
        using var _ = factory;
        var agent = new NodeAgent(client) { PollInterval = TimeSpan.FromMilliseconds(100) };
        var spec = new JsonObject { ["direction"] = "send", ["remote_host"] = "127.0.0.1", ["destination_root"] = "/in", ["paths"] = new JsonArray(new JsonObject { ["source"] = "nope" }) };
        var statuses = await agent.TransferAsync(spec, new RecordingListener(), null, CancellationToken.None);
        Assert.Equal("status: failed. code: 2. description: No such file or directory: nope", statuses.Single().Error!.Message);
    }
}
