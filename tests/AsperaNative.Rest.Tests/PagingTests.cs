using System.Text.Json.Nodes;
using AsperaNative.Rest.Paging;
using AsperaNative.Rest.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Rest.Tests;

public class PagingTests
{
    [Fact]
    public async Task PageNumbersWithTotalCountAndMax()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) =>
        {
            int page = int.Parse(c.Request.Query["page"]!);
            c.Response.Headers["X-Total-Count"] = "9";
            var items = new JsonArray();
            for (int i = 0; i < 2; i++) items.Add((JsonNode)new JsonObject { ["id"] = $"{page}-{i}" });
            return LoopbackServer.Respond(c, 200, items.ToJsonString());
        });
        var (factory, _) = TestStack.Create();
        var result = await Pager.ByPageAsync(factory.Create(server.Url + "/api/v1"), "users", JsonNode.Parse("""{"per_page":2,"max":3,"q":"example"}"""));
        Assert.Equal(3, result.Items.Count);
        Assert.Equal(9, result.Total);
        Assert.Equal(["/api/v1/users?per_page=2&q=example&page=1", "/api/v1/users?per_page=2&q=example&page=2"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task PageNumbersStopOnAnEmptyPage()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) => LoopbackServer.Respond(c, 200, c.Request.Query["page"] == "1" ? """[{"id":1}]""" : "[]"));
        var (factory, _) = TestStack.Create();
        var result = await Pager.ByPageAsync(factory.Create(server.Url), "users", null);
        Assert.Single(result.Items);
        Assert.Equal("/users?per_page=1000&page=1", server.Requests.First().PathAndQuery);
    }

    [Fact]
    public async Task OffsetsWithPmax()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) =>
            LoopbackServer.Respond(c, 200, $$"""{"packages":[{"id":"pk{{c.Request.Query["offset"]}}"}],"total_count":3}"""));
        var (factory, _) = TestStack.Create();
        var api = factory.Create(server.Url);
        var limited = await Pager.ByOffsetAsync(api, "inbox/packages", JsonNode.Parse("""{"limit":1,"pmax":2}"""), "packages");
        Assert.Equal(["pk0", "pk1"], limited.Items.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(["/inbox/packages?limit=1&offset=0", "/inbox/packages?limit=1&offset=1"], server.Requests.Select(r => r.PathAndQuery));
        var all = await Pager.ByOffsetAsync(api, "inbox/packages", JsonNode.Parse("""{"limit":1}"""), "packages");
        Assert.Equal(3, all.Items.Count);
        Assert.Equal(3, all.Total);
    }

    [Fact]
    public async Task IterationTokenHeader()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) =>
        {
            if (!c.Request.Query.ContainsKey("iteration_token")) c.Response.Headers["X-Aspera-Next-Iteration-Token"] = "it_0002";
            return LoopbackServer.Respond(c, 200, $$"""{"items":[{"n":"{{c.Request.Query["iteration_token"]}}"}]}""");
        });
        var (factory, _) = TestStack.Create();
        var result = await Pager.ByIterationTokenAsync(factory.Create(server.Url), new RestRequest("POST", "files/received") { Json = new JsonObject { ["path"] = "/" } }, "items");
        Assert.Equal(2, result.Items.Count);
        Assert.Equal(["/files/received", "/files/received?iteration_token=it_0002"], server.Requests.Select(r => r.PathAndQuery));
        Assert.All(server.Requests, r => Assert.Equal("""{"path":"/"}""", r.Body));
    }

    [Fact]
    public async Task LinkHeader()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) =>
        {
            string? token = c.Request.Query["iteration_token"];
            if (token is null) c.Response.Headers["Link"] = $"<{c.Request.Scheme}://{c.Request.Host}/ops/transfers?iteration_token=abc>; rel=\"next\"";
            return LoopbackServer.Respond(c, 200, token is null ? """[{"id":1},{"id":2}]""" : """[{"id":3}]""");
        });
        var (factory, _) = TestStack.Create();
        var result = await Pager.ByLinkHeaderAsync(factory.Create(server.Url), new RestRequest("GET", "ops/transfers") { Query = JsonNode.Parse("""{"active_only":true}""") }, null);
        Assert.Equal(3, result.Items.Count);
        Assert.Equal("/ops/transfers?active_only=true&iteration_token=abc", server.Requests.Last().PathAndQuery);
    }

    [Fact]
    public async Task StreamsReadPagesOnlyWhenEnumeratedAndStopAtMax()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) =>
        {
            int page = int.Parse(c.Request.Query["page"]!);
            c.Response.Headers["X-Total-Count"] = "9";
            return LoopbackServer.Respond(c, 200, $$"""[{"id":"{{page}}-0"},{"id":"{{page}}-1"}]""");
        });
        var (factory, _) = TestStack.Create();
        var stream = Pager.ByPage(factory.Create(server.Url), "users", JsonNode.Parse("""{"per_page":2,"max":3}"""));
        Assert.Empty(server.Requests);
        Assert.Null(stream.Total);
        var seen = new List<string>();
        await foreach (var item in stream)
        {
            // the items of a page are given before the next page is asked for, detached from their page
            Assert.Null(item!.Parent);
            Assert.Equal(seen.Count < 2 ? 1 : 2, server.Requests.Count);
            seen.Add(item["id"]!.GetValue<string>());
        }
        Assert.Equal(["1-0", "1-1", "2-0"], seen);
        Assert.Equal(9, stream.Total);
        Assert.Equal(3, stream.ExpectedCount);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ExpectedCountIsUnknownWithPmaxAndKnownFromTheTotal()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) =>
            LoopbackServer.Respond(c, 200, $$"""{"packages":[{"id":"pk{{c.Request.Query["offset"]}}"}],"total_count":3}"""));
        var (factory, _) = TestStack.Create();
        var api = factory.Create(server.Url);
        var limited = Pager.ByOffset(api, "inbox/packages", JsonNode.Parse("""{"limit":1,"pmax":2}"""), "packages");
        await using (var e = limited.GetAsyncEnumerator())
        {
            Assert.True(await e.MoveNextAsync());
            Assert.Equal(3, limited.Total);
            Assert.Null(limited.ExpectedCount);
        }
        var all = Pager.ByOffset(api, "inbox/packages", JsonNode.Parse("""{"limit":1}"""), "packages");
        await using (var e = all.GetAsyncEnumerator())
        {
            Assert.True(await e.MoveNextAsync());
            Assert.Equal(3, all.ExpectedCount);
        }
        // each enumeration reads the listing again
        Assert.Equal(3, (await all.ToJsonArrayAsync()).Count);
        Assert.Equal(3, (await all.ToJsonArrayAsync()).Count);
    }

    [Fact]
    public async Task SingleCallLists()
    {
        await using var server = await LoopbackServer.StartAsync((c, r) =>
            LoopbackServer.Respond(c, 200, c.Request.Path == "/list" ? """[{"id":1},{"id":2}]""" : """{"not":"a list"}"""));
        var (factory, _) = TestStack.Create();
        var api = factory.Create(server.Url);
        var list = Pager.Single(api, new RestRequest("GET", "list") { Query = JsonNode.Parse("""{"max":1}""") }, null);
        Assert.Equal(2, (await list.ToJsonArrayAsync()).Count);
        Assert.Equal("/list?max=1", server.Requests.Single().PathAndQuery);
        Assert.Empty(await Pager.Single(api, new RestRequest("GET", "other"), null, strict: false).ToJsonArrayAsync());
        var e = await Assert.ThrowsAsync<AsperaNative.Core.Errors.CliException>(() => Pager.Single(api, new RestRequest("GET", "other"), null).ToJsonArrayAsync());
        Assert.Contains("expecting a list of items", e.Message);
    }

    [Fact]
    public void BadQueriesFailWhenTheStreamIsMade()
        => Assert.Throws<AsperaNative.Core.Errors.CliException>(() => Pager.ByPage(TestStack.Create().Factory.Create("http://127.0.0.1:9"), "users", JsonValue.Create("text")));

    [Theory]
    [InlineData("""{"self":{"path":"/"},"items":[{"a":1.50,"b":[1,{"c":null}]},null,"x",12345678901234567890],"total_count":3,"none":null}""")]
    [InlineData("""[{"id":1},{"id":2,"deep":{"list":[]}}]""")]
    [InlineData("\"text\"")]
    // keys at the same place in successive items: same, other, escaped, longer, shorter, empty
    [InlineData("""[{"a":1,"b":2},{"b":1,"a":2},{"\u0061":3,"caf\u00e9":4},{"a":5,"café":6,"x":{"a":[{"n":1},{"n":2,"m":3}]}},{"ab":7},{"":8},{"a":9,"b":11}]""")]
    [InlineData("\uFEFF{\"a\":[1]}")]
    [InlineData("""{"items":[{"a":1.50,"s":"caf\u00e9 \"q\" \\ \n","t":true,"f":false,"n":-12,"big":-9223372036854775809,"e":1e3,"z":0,"neg":-1.0}]}""")]
    public void PagesParseItemByItemToTheSameTree(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var page = PageJson.Parse(bytes);
        Assert.Equal(RestJson.Parse(json.TrimStart('\uFEFF'))?.ToJsonString(), page?.ToJsonString());
        if (page is JsonObject o && o["items"] is JsonArray items) Assert.Equal("1.50", items[0]!["a"]!.ToJsonString());
    }

    [Fact]
    public void PageValuesReadAsRubyReadsThem()
    {
        var page = (JsonObject)PageJson.Parse(System.Text.Encoding.UTF8.GetBytes("""{"items":[{"a":1,"b":2,"a":3,"m":-0,"x":1.0,"l":123456789012345678901}]}"""))!;
        var item = (JsonObject)((JsonArray)page["items"]!)[0]!;
        // Ruby's JSON.parse: a repeated key keeps its first place and its last value; -0 is the integer 0
        Assert.Equal(["a", "b", "m", "x", "l"], item.Select(p => p.Key));
        Assert.Equal("3", AsperaNative.Core.Values.RubyToS.Of(item["a"]));
        Assert.Equal("0", AsperaNative.Core.Values.RubyToS.Of(item["m"]));
        Assert.Equal("1.0", AsperaNative.Core.Values.RubyToS.Of(item["x"]));
        Assert.Equal("123456789012345678901", AsperaNative.Core.Values.RubyToS.Of(item["l"]));
    }

    [Fact]
    public void InvalidPagesFailAsText()
    {
        var e = Assert.Throws<AsperaNative.Core.Errors.CliException>(() => PageJson.Parse(System.Text.Encoding.UTF8.GetBytes("{\"items\":[1,")));
        Assert.Equal(Assert.Throws<AsperaNative.Core.Errors.CliException>(() => RestJson.Parse("{\"items\":[1,")).Message, e.Message);
    }
}
