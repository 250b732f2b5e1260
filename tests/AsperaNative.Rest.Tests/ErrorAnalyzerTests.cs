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
        analyzer.Add(ProductShapes.OrchestratorWorkOrder);
        var lines = analyzer.Analyze(new RestErrorContext(400, "Bad Request", "h", JsonNode.Parse("""{"work_order":{"statusDetails":"failed"},"missing_parameters":["p"]}""")));
        Assert.Equal(["failed", "missing parameter: p", "h 400 Bad Request"], lines);
    }

    [Fact]
    public void DefaultShapesAreTheGenericOnesTriedInAsclisOrder()
        => Assert.Equal(["T10:faspex v4", "T9:IBM cloud IAM", "Type 7: errors[]", "AoC Automation", "Type 6", "Type 5",
            "Type 3: error:internal_message", "Type 2: error:description", "Type 1: error:user_message", "Type Generic"],
            RestErrorAnalyzer.CreateDefault().ShapeNames);

    [Fact]
    public void ProductShapesAreNotRegisteredByDefault()
    {
        var body = JsonNode.Parse("""{"errors":[{"message":"graphql says no"}],"work_order":{"statusDetails":"failed"}}""");
        Assert.Equal(["h 400 Bad Request"], RestErrorAnalyzer.CreateDefault().Analyze(new RestErrorContext(400, "Bad Request", "h", body)));
        var analyzer = RestErrorAnalyzer.CreateDefault();
        analyzer.Add(ProductShapes.BssGraphQl);
        Assert.Equal(["graphql says no", "h 400 Bad Request"], analyzer.Analyze(new RestErrorContext(400, "Bad Request", "h", body)));
    }

    [Fact]
    public void TypeSevenShowsNonStringValuesAsRubyDoes()
        => Assert.Equal(["name: [\"can't be blank\"]", "h 422 Unprocessable Entity"],
            Analyze(422, "Unprocessable Entity", """{"errors":{"name":["can't be blank"]}}""", "h"));
}
