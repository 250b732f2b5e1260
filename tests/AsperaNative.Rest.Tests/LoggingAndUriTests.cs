using AsperaNative.Core.Errors;
using AsperaNative.Rest.Tests.Support;

namespace AsperaNative.Rest.Tests;

public class LoggingAndUriTests
{
    [Fact]
    public async Task DebugLogsEachCall()
    {
        await using var server = await LoopbackServer.JsonAsync("{}");
        var (factory, log) = TestStack.Create(s => s with { LogLevel = "debug" });
        await factory.Create(server.Url).ReadAsync("info");
        // Ruby Logger's layout, as every line of the process log
        Assert.Matches($@"(?m)^D, \[\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{{6}} #\d+\] DEBUG -- : GET {System.Text.RegularExpressions.Regex.Escape(server.Url)}/info -> 200 OK$", log.ToString());
    }

    [Fact]
    public async Task Trace2DumpsWithSecretsRedacted()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"access_token":"returned_secret"}""");
        var (factory, log) = TestStack.Create(s => s with { LogLevel = "trace2" });
        await factory.Create(server.Url, StaticAuthorization.Basic("u", "pw")).CallAsync(new RestRequest("POST", "token") { Form = [new("password", "p4ss"), new("user", "bob")] });
        string text = log.ToString();
        Assert.Contains("Authorization: Basic 🔑", text);
        Assert.Contains("password=🔑&user=bob", text);
        Assert.Contains("\"access_token\":\"🔑\"", text);
        Assert.DoesNotContain("p4ss", text);
        Assert.DoesNotContain("returned_secret", text);
        var (open, shown) = TestStack.Create(s => s with { LogLevel = "trace2", LogSecrets = true });
        await open.Create(server.Url).CallAsync(new RestRequest("POST", "token") { Form = [new("password", "p4ss")] });
        Assert.Contains("password=p4ss", shown.ToString());
    }

    [Fact]
    public async Task UriJsonBodyIsDataTextStaysText()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) => r.PathAndQuery.StartsWith("/j")
            ? LoopbackServer.Respond(c, 200, """{"a":1}""")
            : LoopbackServer.Respond(c, 200, "hello\n", "text/plain"));
        var (factory, _) = TestStack.Create();
        Assert.Equal(1, UriReader.Response(new Uri(server.Url + "/j.json?x=1"), factory).Data!["a"]!.GetValue<int>());
        Assert.Equal("hello\n", UriReader.Response(new Uri(server.Url + "/t.txt"), factory).Text);
        Assert.Equal("/j.json?x=1", server.Requests.First().PathAndQuery);
    }

    [Fact]
    public async Task UriErrorsAreRestAndSslErrors()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"error":{"user_message":"no such file","code":"E404"}}""", 404);
        var (factory, _) = TestStack.Create();
        var e = Assert.Throws<RestCallException>(() => UriReader.Response(new Uri(server.Url + "/x"), factory));
        Assert.Equal($"no such file\ncode: E404\n127.0.0.1:{server.Port} 404 Not Found", e.Message);
        await using var tls = await LoopbackServer.JsonAsync("{}", tls: true);
        var ssl = Assert.Throws<CliException>(() => UriReader.Response(new Uri(tls.Url + "/x"), factory));
        Assert.Equal("SSL", ssl.Kind);
        Assert.EndsWith("certificate verify failed (self-signed certificate)", ssl.Message);
        var (insecure, warnings) = TestStack.Create(s => s with { Insecure = true });
        UriReader.Response(new Uri(tls.Url + "/x"), insecure);
        Assert.StartsWith($"WARNING: Ignoring certificate for: https://127.0.0.1:{tls.Port}.", warnings.ToString());
    }
}
