using System.Text.Json.Nodes;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Tests.Node;

public class NodeErrorShapesTests
{
    private const string SetupError = """{"transfer_specs":[{"error":{"code":403,"reason":"Forbidden","user_message":"Path not allowed"}},{"transfer_spec":{"error":{"code":404,"reason":"Not Found","user_message":"No such file"}}}]}""";

    private static IReadOnlyList<string> Analyze(RestFactory factory, int status, string body)
        => factory.Errors.Analyze(new RestErrorContext(status, status == 200 ? "OK" : "Bad Request", "node:9092", JsonNode.Parse(body)));

    [Fact]
    public void A_node_client_adds_the_transfer_spec_errors_of_setup_calls()
    {
        using var factory = new RestFactory(static () => throw new InvalidOperationException("no HTTP in this test"));
        Assert.Empty(Analyze(factory, 200, SetupError));
        NodeConnection.Create(factory, "https://node:9092", "user", "pass");
        Assert.Equal(["403: Forbidden: Path not allowed", "404: Not Found: No such file"], Analyze(factory, 200, SetupError));
    }

    [Fact]
    public void The_shape_is_added_once_however_many_clients()
    {
        using var factory = new RestFactory(static () => throw new InvalidOperationException("no HTTP in this test"));
        var node = NodeConnection.Create(factory, "https://node:9092", "user", "pass");
        node.WithCredentials("ak", "secret").WithHeader("X-Test", "1");
        Assert.Equal(["403: Forbidden: Path not allowed", "404: Not Found: No such file", "node:9092 400 Bad Request"], Analyze(factory, 400, SetupError));
    }
}
