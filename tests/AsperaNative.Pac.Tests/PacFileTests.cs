namespace AsperaNative.Pac.Tests;

/// <summary>Whole PAC files in the styles found in the wild.</summary>
public class PacFileTests
{
    private const string Corporate = """
        function FindProxyForURL(url, host) {
            // If the hostname matches, send direct.
            if (dnsDomainIs(host, "intranet.domain.com") ||
                shExpMatch(host, "(*.abcdomain.com|abcdomain.com)"))
                return "DIRECT";

            // If the protocol or URL matches, send direct.
            if (url.substring(0, 4)=="ftp:" ||
                shExpMatch(url, "http://abcdomain.com/folder/*"))
                return "DIRECT";

            // If the requested website is hosted within the internal network, send direct.
            if (isPlainHostName(host) ||
                shExpMatch(host, "*.local") ||
                isInNet(dnsResolve(host), "10.0.0.0", "255.0.0.0") ||
                isInNet(dnsResolve(host), "172.16.0.0",  "255.240.0.0") ||
                isInNet(dnsResolve(host), "192.168.0.0",  "255.255.0.0") ||
                isInNet(dnsResolve(host), "127.0.0.0", "255.255.255.0"))
                return "DIRECT";

            // If the IP address of the local machine is within a defined
            // subnet, send to a specific proxy.
            if (isInNet(myIpAddress(), "10.10.5.0", "255.255.255.0"))
                return "PROXY 1.2.3.4:8080";

            // DEFAULT RULE: All other traffic, use below proxies, in fail-over order.
            return "PROXY 4.5.6.7:8080; PROXY 7.8.9.10:8080";
        }
        """;

    private const string SemicolonLess = """
        var direct = "DIRECT"
        var proxy = "PROXY proxy.corp.example:3128; DIRECT"
        var bypass = [
          "*.corp.example",
          "*.internal",
          "localhost"
        ]
        var privateNets = [
          ["10.0.0.0", "255.0.0.0"],
          ["172.16.0.0", "255.240.0.0"],
          ["192.168.0.0", "255.255.0.0"]
        ]

        function FindProxyForURL(url, host) {
          host = host.toLowerCase()
          for (var i = 0; i < bypass.length; i++) {
            if (shExpMatch(host, bypass[i])) return direct
          }
          if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
            for (var j in privateNets) {
              if (isInNet(host, privateNets[j][0], privateNets[j][1])) return direct
            }
          }
          switch (url.split(":")[0]) {
            case "https":
            case "http":
              return proxy
            default:
              return direct
          }
        }
        """;

    private const string Netscape = """
        function FindProxyForURL(url, host)
        {
        	if ((isPlainHostName(host) || dnsDomainLevels(host) == 0) ||
        	    localHostOrDomainIs(host, "www.netscape.com"))
        		return "DIRECT";
        	if (weekdayRange("SAT", "SUN") || !timeRange(8, 18))
        		return "PROXY offhours.example:8080";
        	else if (url.substring(0, 5) == "http:")
        		return "PROXY web.example:80";
        	else if (url.substring(0, 6) == "https:")
        		return "PROXY secure.example:443";
        	else
        		return "DIRECT";
        }
        """;

    private const string LoadBalancing = """
        // spread hosts over three proxies, same host always on the same one
        var proxies = ["PROXY p1:8080", "PROXY p2:8080", "PROXY p3:8080"];
        function hash(s) {
          var h = 0;
          for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
          return h;
        }
        function FindProxyForURL(url, host) {
          if (shExpMatch(host, "*.example.net") || host === "example.net") return "DIRECT";
          return proxies[hash(host) % proxies.length] + "; DIRECT";
        }
        """;

    private const string RegexRules = """
        var rules = {
          direct: [/^(.+\.)?corp\.example$/i, /\.lan$/],
          special: { pattern: new RegExp("^(api|cdn)[0-9]*\\.vendor\\.com$"), proxy: "PROXY vendor-gw:8443" }
        };
        function matchesAny(list, value) {
          return list.some(function (re) { return re.test(value); });
        }
        function FindProxyForURL(url, host) {
          if (matchesAny(rules.direct, host)) return "DIRECT";
          var m = host.match(rules.special.pattern);
          if (m) return rules.special.proxy + "; DIRECT";
          if (url.indexOf("https://") === 0 && isResolvable(host) && isInNet(dnsResolve(host), "104.0.0.0", "255.0.0.0")) return "PROXY partner:3128";
          return "PROXY default:3128";
        }
        """;

    [Theory]
    // shExpMatch is a glob, as in Chrome: the "(…|…)" of this well-known sample is literal text, not an alternation
    [InlineData(nameof(Corporate), "http://www.abcdomain.com/page", "PROXY 4.5.6.7:8080; PROXY 7.8.9.10:8080")]
    [InlineData(nameof(Corporate), "https://intranet.domain.com/", "DIRECT")]
    [InlineData(nameof(Corporate), "ftp://files.example.com/", "DIRECT")]
    [InlineData(nameof(Corporate), "http://server/", "DIRECT")]
    [InlineData(nameof(Corporate), "http://printer.local/", "DIRECT")]
    [InlineData(nameof(Corporate), "http://wiki.corp/", "DIRECT")]
    [InlineData(nameof(Corporate), "http://192.168.3.4/", "DIRECT")]
    [InlineData(nameof(Corporate), "https://www.google.com/", "PROXY 4.5.6.7:8080; PROXY 7.8.9.10:8080")]
    [InlineData(nameof(SemicolonLess), "http://App.Corp.Example/", "DIRECT")]
    [InlineData(nameof(SemicolonLess), "http://localhost:8080/", "DIRECT")]
    [InlineData(nameof(SemicolonLess), "http://192.168.1.10/", "DIRECT")]
    [InlineData(nameof(SemicolonLess), "http://8.8.8.8/", "PROXY proxy.corp.example:3128; DIRECT")]
    [InlineData(nameof(SemicolonLess), "https://github.com/", "PROXY proxy.corp.example:3128; DIRECT")]
    [InlineData(nameof(SemicolonLess), "ftp://files.example/", "DIRECT")]
    [InlineData(nameof(Netscape), "http://www/", "DIRECT")]
    [InlineData(nameof(Netscape), "http://www.ibm.com/", "PROXY web.example:80")]
    [InlineData(nameof(Netscape), "https://www.ibm.com/", "PROXY secure.example:443")]
    [InlineData(nameof(LoadBalancing), "http://a.example.net/", "DIRECT")]
    [InlineData(nameof(RegexRules), "http://build.CORP.example/", "DIRECT")]
    [InlineData(nameof(RegexRules), "http://nas.lan/", "DIRECT")]
    [InlineData(nameof(RegexRules), "https://cdn42.vendor.com/", "PROXY vendor-gw:8443; DIRECT")]
    [InlineData(nameof(RegexRules), "https://www.ibm.com/", "PROXY partner:3128")]
    [InlineData(nameof(RegexRules), "http://www.ibm.com/", "PROXY default:3128")]
    public void AnswersLikeABrowser(string file, string url, string expected)
        => Assert.Equal(expected, JsTestHost.Pac(Files[file]).FindProxyForUrl(new Uri(url)));

    [Theory]
    [InlineData("example.com")]
    [InlineData("www.ibm.com")]
    [InlineData("aspera.example.org")]
    public void HashingSpreadsHostsOverProxies(string host)
    {
        uint h = 0;
        foreach (char c in host) h = unchecked(h * 31 + c);
        string expected = $"PROXY p{h % 3 + 1}:8080; DIRECT";
        Assert.Equal(expected, JsTestHost.Pac(LoadBalancing).FindProxyForUrl(new Uri($"http://{host}/")));
    }

    [Fact]
    public void WeekendGoesToTheOffHoursProxy()
    {
        var saturday = new FixedTime(new DateTimeOffset(2024, 3, 9, 11, 0, 0, TimeSpan.Zero));
        Assert.Equal("PROXY offhours.example:8080", JsTestHost.Pac(Netscape, saturday).FindProxyForUrl(new Uri("http://www.ibm.com/")));
    }

    [Fact]
    public void ProxiesOfACorporateFile()
        => Assert.Equal(["http://4.5.6.7:8080/", "http://7.8.9.10:8080/"],
            JsTestHost.Pac(Corporate).Proxies(new Uri("https://www.google.com/x")).Select(u => u.ToString()));

    private static readonly Dictionary<string, string> Files = new()
    {
        [nameof(Corporate)] = Corporate,
        [nameof(SemicolonLess)] = SemicolonLess,
        [nameof(Netscape)] = Netscape,
        [nameof(LoadBalancing)] = LoadBalancing,
        [nameof(RegexRules)] = RegexRules,
    };
}
