using AsperaNative.Rest.Tests.Support;

namespace AsperaNative.Rest.Tests;

public class ProxyTests
{
    [Fact]
    public async Task HttpProxyCarriesPlainAndTlsCalls()
    {
        await using var plain = await LoopbackServer.JsonAsync("""{"via":"plain"}""");
        await using var secure = await LoopbackServer.JsonAsync("""{"via":"tls"}""", tls: true);
        using var proxy = new ForwardProxy();
        var (factory, _) = TestStack.Create(s => s with { HttpProxy = $"http://127.0.0.1:{proxy.Port}", Insecure = true });
        Assert.Equal("plain", (await factory.Create(plain.Url).ReadAsync("a"))!["via"]!.GetValue<string>());
        Assert.Equal("tls", (await factory.Create(secure.Url).ReadAsync("b"))!["via"]!.GetValue<string>());
        Assert.Contains($"GET http://127.0.0.1:{plain.Port}/a HTTP/1.1", proxy.Lines);
        Assert.Contains($"CONNECT 127.0.0.1:{secure.Port} HTTP/1.1", proxy.Lines);
    }

    [Fact]
    public async Task ProxyCredentialsFromTheUrl()
    {
        await using var server = await LoopbackServer.JsonAsync("{}");
        using var proxy = new ForwardProxy("puser", "p@ss");
        var (wrong, _) = TestStack.Create(s => s with { HttpProxy = $"http://127.0.0.1:{proxy.Port}" });
        await Assert.ThrowsAsync<RestCallException>(() => wrong.Create(server.Url).ReadAsync("x"));
        var (right, _) = TestStack.Create(s => s with { HttpProxy = $"http://puser:p%40ss@127.0.0.1:{proxy.Port}" });
        await right.Create(server.Url).ReadAsync("x");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PacScriptChoosesTheProxy()
    {
        await using var server = await LoopbackServer.JsonAsync("{}");
        using var proxy = new ForwardProxy("u", "p");
        string pac = $$"""function FindProxyForURL(url, host) { if (isInNet(host, "127.0.0.0", "255.0.0.0") && url.indexOf("http:") == 0) return "PROXY 127.0.0.1:{{proxy.Port}}; DIRECT"; return "DIRECT"; }""";
        var (factory, _) = TestStack.Create(s => s with { ProxyAutoConfig = pac, ProxyCredentials = ("u", "p") });
        await factory.Create(server.Url).ReadAsync("viaproxy");
        Assert.Contains(proxy.Lines, l => l.Contains("/viaproxy"));
        var (direct, _) = TestStack.Create(s => s with { ProxyAutoConfig = "function FindProxyForURL(url, host) { return 'DIRECT'; }" });
        await direct.Create(server.Url).ReadAsync("direct");
        Assert.DoesNotContain(proxy.Lines, l => l.Contains("/direct"));
    }
}
