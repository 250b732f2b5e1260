using AsperaNative.Core.Errors;

namespace AsperaNative.Pac.Tests;

/// <summary>The public face of a PAC script as Rest's proxy selection and <c>config proxy_check</c> use it (real DNS, system clock).</summary>
public class PacScriptTests
{
    [Theory]
    [InlineData("isPlainHostName(host) ? 'yes' : 'no'", "http://www/x", "yes")]
    [InlineData("dnsDomainIs(host, '.example.com') ? 'yes' : 'no'", "http://a.example.com/x", "yes")]
    [InlineData("shExpMatch(url, 'http://*.example.*') ? 'yes' : 'no'", "http://a.example.com/x", "yes")]
    [InlineData("isInNet(host, '10.0.0.0', '255.0.0.0') ? 'yes' : 'no'", "http://10.1.2.3/x", "yes")]
    [InlineData("isInNet(host, '10.0.0.0', '255.255.0.0') ? 'yes' : 'no'", "http://10.1.2.3/x", "no")]
    [InlineData("dnsDomainLevels(host) + ''", "http://a.b.c/x", "2")]
    [InlineData("url", "https://h.example.com:8443/path?q", "https://h.example.com")]
    [InlineData("myIpAddress()", "http://h/", "127.0.0.1")]
    [InlineData("localHostOrDomainIs(host, 'www.example.com') ? 'yes' : 'no'", "http://www/", "yes")]
    [InlineData("(weekdayRange('SUN', 'SAT') && timeRange(0, 23)) ? 'yes' : 'no'", "http://h/", "yes")]
    public void StandardPacFunctions(string expression, string url, string expected)
        => Assert.Equal(expected, new PacScript($"function FindProxyForURL(url, host) {{ return {expression}; }}").FindProxyForUrl(new Uri(url)));

    [Fact]
    public void ProxyListKeepsProxyEntriesInOrder()
    {
        var pac = new PacScript("function FindProxyForURL(url, host) { return ' PROXY  p1:3128 ; DIRECT; SOCKS s:1; PROXY p2:8080'; }");
        Assert.Equal(["http://p1:3128/", "http://p2:8080/"], pac.Proxies(new Uri("http://x/")).Select(u => u.ToString()));
    }

    [Fact]
    public void ScriptErrorsAreReported()
    {
        var e = Assert.Throws<CliException>(() => new PacScript("function FindProxyForURL(url, host) { return undefinedThing(); }").FindProxyForUrl(new Uri("http://x/")));
        Assert.StartsWith("PAC: ", e.Message);
    }
}
