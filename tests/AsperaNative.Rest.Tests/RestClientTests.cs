using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Rest.Tests;

public class RestClientTests
{
    [Fact]
    public async Task JsonCallsSendAsciiShapedRequests()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"id":"1","name":"x"}""");
        var (factory, _) = TestStack.Create();
        var api = factory.Create(server.Url + "/api/", StaticAuthorization.Basic("node_admin", "Adm1n_Pass"));
        var data = await api.CreateAsync("files/browse", new JsonObject { ["count"] = 1000, ["path"] = "/a+b" });
        Assert.Equal("x", data!["name"]!.GetValue<string>());
        var r = Assert.Single(server.Requests);
        Assert.Equal("POST", r.Method);
        Assert.Equal("/api/files/browse", r.PathAndQuery);
        Assert.Equal("""{"count":1000,"path":"/a+b"}""", r.Body);
        Assert.Equal("application/json", r.Header("Content-Type"));
        Assert.Equal("Basic bm9kZV9hZG1pbjpBZG0xbl9QYXNz", r.Header("Authorization"));
        Assert.Equal("ascli", r.Header("User-Agent"));
    }

    [Fact]
    public async Task QueryAndTextBodies()
    {
        await using var server = await LoopbackServer.StartAsync((c, _) => LoopbackServer.Respond(c, 200, "plain text", "text/plain"));
        var (factory, _) = TestStack.Create(s => s with { Http = s.Http with { UserAgent = "custom" } });
        var api = factory.Create(server.Url);
        var response = await api.CallAsync(new RestRequest("GET", "x") { Query = JsonNode.Parse("""{"a":["[]","1","2"],"q":"x y"}""") });
        Assert.Equal("plain text", response.Data!.GetValue<string>());
        var r = Assert.Single(server.Requests);
        Assert.Equal("/x?a[]=1&a[]=2&q=x+y", r.PathAndQuery);
        Assert.Equal("custom", r.Header("User-Agent"));
    }

    [Fact]
    public async Task HttpErrorsBecomeRestErrors()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"error":{"code":404,"reason":"Not Found","user_message":"File not found"}}""", 404);
        var (factory, _) = TestStack.Create();
        var e = await Assert.ThrowsAsync<RestCallException>(() => factory.Create(server.Url).ReadAsync("nope"));
        Assert.Equal("Rest", e.Kind);
        Assert.Equal($"File not found\ncode: 404\nreason: Not Found\n127.0.0.1:{server.Port} 404 Not Found", e.Message);
        var response = await factory.Create(server.Url).CallAsync(new RestRequest("GET", "nope") { ThrowOnError = false });
        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task ConnectionRefusedIsReportedAsRuby()
    {
        int port = FreePort();
        var (factory, _) = TestStack.Create();
        var e = await Assert.ThrowsAsync<CliException>(() => factory.Create($"http://127.0.0.1:{port}").ReadAsync("info"));
        Assert.Equal("Other(Errno::ECONNREFUSED)", e.Kind);
        Assert.Equal($"Failed to open TCP connection to 127.0.0.1:{port} (Connection refused - connect(2) for 127.0.0.1:{port})", e.Message);
    }

    [Fact]
    public async Task RetriesOnErrorWhenAsked()
    {
        int calls = 0;
        await using var server = await LoopbackServer.StartAsync((c, _) => LoopbackServer.Respond(c, Interlocked.Increment(ref calls) < 3 ? 500 : 200, """{"ok":true}"""));
        var (noRetry, _) = TestStack.Create();
        await Assert.ThrowsAsync<RestCallException>(() => noRetry.Create(server.Url).ReadAsync("x"));
        calls = 0;
        var (retry, _) = TestStack.Create(s => s with { Http = s.Http with { RetryOnError = 2 } });
        var data = await retry.Create(server.Url).ReadAsync("x");
        Assert.Equal(3, calls);
        Assert.True(data!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UnavailableIsNotRetriedByDefault()
    {
        int calls = 0;
        await using var server = await LoopbackServer.StartAsync((c, _) => LoopbackServer.Respond(c, Interlocked.Increment(ref calls) == 1 ? 503 : 200, "{}"));
        var (factory, _) = TestStack.Create();
        var e = await Assert.ThrowsAsync<RestCallException>(() => factory.Create(server.Url).ReadAsync("x"));
        Assert.EndsWith("503 Service Unavailable", e.Message);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task ReadTimeoutIsReportedAsRuby()
    {
        await using var server = await LoopbackServer.StartAsync(async (c, _) => { await Task.Delay(3000); await LoopbackServer.Respond(c, 200, "{}"); });
        var (factory, _) = TestStack.Create(s => s with { Http = s.Http with { ReadTimeout = TimeSpan.FromMilliseconds(300) } });
        var e = await Assert.ThrowsAsync<CliException>(() => factory.Create(server.Url).ReadAsync("x"));
        Assert.Equal("Other(Net::ReadTimeout)", e.Kind);
    }

    [Fact]
    public async Task RedirectsAreFollowedUpToTheLimit()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) =>
        {
            if (r.PathAndQuery == "/old") { c.Response.Headers.Location = "/new"; return LoopbackServer.Respond(c, 302, null); }
            return LoopbackServer.Respond(c, 200, """{"at":"new"}""");
        });
        var (factory, _) = TestStack.Create();
        var e = await Assert.ThrowsAsync<RestCallException>(() => factory.Create(server.Url).ReadAsync("old"));
        Assert.Equal($"127.0.0.1:{server.Port} 302 Found", e.Message);
        var data = await factory.Create(server.Url, options: new RestClientOptions { RedirectMax = 2 }).ReadAsync("old");
        Assert.Equal("new", data!["at"]!.GetValue<string>());
    }

    [Fact]
    public async Task DownloadsGoThroughAPartialFileAndResume()
    {
        byte[] content = new byte[200_000];
        new Random(1).NextBytes(content);
        await using var server = await LoopbackServer.StartAsync(async (c, r) =>
        {
            long from = 0;
            if (r.Header("Range") is { } range) { from = long.Parse(range["bytes=".Length..].TrimEnd('-')); c.Response.StatusCode = 206; }
            c.Response.ContentType = "application/octet-stream";
            await c.Response.Body.WriteAsync(content.AsMemory((int)from));
        });
        string folder = Directory.CreateTempSubdirectory("rest-dl").FullName;
        string target = Path.Combine(folder, "file.bin");
        await File.WriteAllBytesAsync(target + ".http_partial", content[..1000]);
        var (factory, _) = TestStack.Create();
        await factory.Create(server.Url).CallAsync(new RestRequest("GET", "file") { SaveToFile = target });
        Assert.Equal(content, await File.ReadAllBytesAsync(target));
        Assert.False(File.Exists(target + ".http_partial"));
        Assert.Equal("bytes=1000-", server.Requests.Single().Header("Range"));
    }

    [Fact]
    public async Task MultipartUploadsStreamFiles()
    {
        await using var server = await LoopbackServer.StartAsync((c, _) => LoopbackServer.Respond(c, 200, "{}"));
        string file = Path.Combine(Directory.CreateTempSubdirectory("rest-up").FullName, "a.txt");
        await File.WriteAllTextAsync(file, "hello file");
        var (factory, _) = TestStack.Create();
        await factory.Create(server.Url).CallAsync(new RestRequest("POST", "upload") { Multipart = [new("meta") { Value = "v" }, new("file") { FilePath = file }] });
        var r = Assert.Single(server.Requests);
        Assert.StartsWith("multipart/form-data", r.Header("Content-Type"));
        Assert.Contains("hello file", r.Body);
        Assert.Contains("filename=a.txt", r.Body);
    }

    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
