using System.Text.Json.Nodes;

namespace AsperaNative.Rest.Tests;

public class ErrorAnalyzerTests
{
    private static IReadOnlyList<string> Analyze(int status, string reason, string? body, string host = "127.0.0.1:9000")
        => RestErrorAnalyzer.CreateDefault().Analyze(new RestErrorContext(status, reason, host, body is null ? null : JsonNode.Parse(body)));

    [Fact]
    public void NodeErrorGivesUserMessageThenDetailsThenStatus()
        => Assert.Equal(["File not found", "code: 404", "reason: Not Found", "127.0.0.1:9000 404 Not Found"],
            Analyze(404, "Not Found", """{"error":{"code":404,"reason":"Not Found","user_message":"File not found"}}"""));

    [Fact]
    public void OAuthErrorIsReportedByBothShapesInAsclisOrder()
        => Assert.Equal(["invalid_grant", "error_description: Invalid JWT", "Invalid JWT", "error: invalid_grant", "api.ibmaspera.com 400 Bad Request"],
            Analyze(400, "Bad Request", """{"error":"invalid_grant","error_description":"Invalid JWT"}""", "api.ibmaspera.com"));

    [Fact]
    public void EmptyBodyGivesTheStatusLineOnly()
        => Assert.Equal(["127.0.0.1:9000 500 Internal Server Error"], Analyze(500, "Internal Server Error", null));

    [Fact]
    public void Faspex4ErrorWithSuccessStatusIsAnError()
        => Assert.Equal(["missing metadata"], Analyze(200, "OK", """{"error":{"user_message":"missing metadata"}}"""));

    [Fact]
    public void SuccessIsNotAnError() => Assert.Empty(Analyze(200, "OK", """{"message":"hello"}"""));

    [Fact]
    public void PluginsAddShapesTriedFirst()
    {
        var analyzer = RestErrorAnalyzer.CreateDefault();
        analyzer.Add(ErrorShapes.OrchestratorWorkOrder);
        var lines = analyzer.Analyze(new RestErrorContext(400, "Bad Request", "h", JsonNode.Parse("""{"work_order":{"statusDetails":"failed"},"missing_parameters":["p"]}""")));
        Assert.Equal(["failed", "missing parameter: p", "h 400 Bad Request"], lines);
    }
}
