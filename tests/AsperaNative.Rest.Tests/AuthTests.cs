using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Auth;
using AsperaNative.Auth.Cache;
using AsperaNative.Auth.OAuth;
using AsperaNative.Rest.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Rest.Tests;

/// <summary>An OAuth server: token endpoint (JWT, refresh, client credentials, code, url_json) and an API accepting current tokens.</summary>
internal sealed class OAuthServer : IAsyncDisposable
{
    public readonly RSA Key = RSA.Create(2048);
    public readonly List<Dictionary<string, string>> TokenCalls = [];
    public readonly HashSet<string> Valid = [];
    public LoopbackServer Server = null!;
    private int _issued;

    public static async Task<OAuthServer> StartAsync()
    {
        var s = new OAuthServer();
        s.Server = await LoopbackServer.StartAsync(s.Handle);
        return s;
    }

    private Task Handle(HttpContext c, Recorded r)
    {
        string path = c.Request.Path;
        if (path == "/auth/authorize")
        {
            c.Response.Headers.Location = $"{c.Request.Query["redirect_uri"]}?code=the_code&state={Uri.EscapeDataString(c.Request.Query["state"]!)}";
            return LoopbackServer.Respond(c, 302, null);
        }
        if (path == "/auth/token")
        {
            var form = r.Header("Content-Type") != "application/x-www-form-urlencoded" ? [] : r.Body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
            form["_query"] = c.Request.QueryString.Value ?? "";
            form["_auth"] = r.Header("Authorization") ?? "";
            form["_body"] = r.Body;
            lock (TokenCalls) TokenCalls.Add(form);
            if (form.TryGetValue("assertion", out var assertion) && !Verify(assertion))
                return LoopbackServer.Respond(c, 400, """{"error":"invalid_grant","error_description":"bad signature"}""");
            string token = "at" + Interlocked.Increment(ref _issued);
            lock (Valid) Valid.Add(token);
            return LoopbackServer.Respond(c, 200, $$"""{"access_token":"{{token}}","token_type":"bearer","expires_in":3600,"refresh_token":"rt_{{token}}"}""");
        }
        string auth = r.Header("Authorization") ?? "";
        bool ok;
        lock (Valid) ok = auth.StartsWith("Bearer ") && Valid.Contains(auth[7..]);
        return ok ? LoopbackServer.Respond(c, 200, """{"ok":true}""") : LoopbackServer.Respond(c, 401, """{"error":{"user_message":"token refused"}}""");
    }

    private bool Verify(string jwt)
    {
        var parts = jwt.Split('.');
        return Key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), TokenDecoder.Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Revoke(string token) { lock (Valid) Valid.Remove(token); }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

public class AuthTests
{
    private static TokenCache NewCache(bool enabled = true) => new(Directory.CreateTempSubdirectory("tokens").FullName, enabled);

    private static JwtGrant Faspex5Jwt(RestFactory factory, OAuthServer oauth, TokenCache cache) =>
        new(new OAuthEndpoint(factory.Create(oauth.Server.Url + "/auth")) { ClientId = "aspera_cli_f5" }, cache,
            new JsonObject { ["iss"] = "aspera_cli_f5", ["aud"] = "aspera_cli_f5", ["sub"] = "user:john.doe@example.com" },
            JwtSigner.LoadKey(oauth.Key.ExportPkcs8PrivateKeyPem()), new JsonObject { ["typ"] = "JWT" });

    [Fact]
    public async Task JwtGrantSignsAsFaspex5ExpectsAndCachesTheToken()
    {
        await using var oauth = await OAuthServer.StartAsync();
        var (factory, _) = TestStack.Create();
        var cache = NewCache();
        var data = await factory.Create(oauth.Server.Url, Faspex5Jwt(factory, oauth, cache)).ReadAsync("api/data");
        Assert.True(data!["ok"]!.GetValue<bool>());
        var call = Assert.Single(oauth.TokenCalls);
        Assert.StartsWith("client_id=aspera_cli_f5&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=", call["_body"]);
        var parts = call["assertion"].Split('.');
        Assert.Equal("""{"typ":"JWT","alg":"RS256"}""", Encoding.UTF8.GetString(TokenDecoder.Base64Url(parts[0])));
        var claims = TokenDecoder.Decode(call["assertion"])!;
        Assert.Equal(["exp", "nbf", "iat", "jti", "iss", "aud", "sub"], claims.Select(c => c.Key));
        // ascli: valid an hour, accepted from five minutes back (jwt_accepted_offset_sec)
        Assert.Equal(3900, claims["exp"]!.GetValue<long>() - claims["nbf"]!.GetValue<long>());
        Assert.Equal("user:john.doe@example.com", claims["sub"]!.GetValue<string>());
        // another run reuses the cached token
        await factory.Create(oauth.Server.Url, Faspex5Jwt(factory, oauth, new TokenCache(cache.Folder))).ReadAsync("api/data");
        Assert.Single(oauth.TokenCalls);
        var file = Assert.Single(Directory.GetFiles(cache.Folder, "token_*.txt"));
        // ascli reduces only https URLs to their host in identifiers
        Assert.StartsWith($"token_http___127_0_0_1_{oauth.Server.Port}_auth_jwt_user_john_doe@example_com", Path.GetFileName(file));
    }

    [Fact]
    public async Task RefusedTokenIsRefreshedThenTheCallRetried()
    {
        await using var oauth = await OAuthServer.StartAsync();
        var (factory, _) = TestStack.Create();
        var cache = NewCache();
        var api = factory.Create(oauth.Server.Url, Faspex5Jwt(factory, oauth, cache));
        await api.ReadAsync("api/data");
        oauth.Revoke("at1");
        await api.ReadAsync("api/data");
        Assert.Equal(2, oauth.TokenCalls.Count);
        Assert.Equal("refresh_token", oauth.TokenCalls[1]["grant_type"]);
        Assert.Equal("rt_at1", oauth.TokenCalls[1]["refresh_token"]);
        Assert.Contains("\"at2\"", File.ReadAllText(Directory.GetFiles(cache.Folder, "token_*.txt").Single()));
    }

    [Fact]
    public async Task TokensAboutToExpireAreRenewedBeforeUse()
    {
        await using var oauth = await OAuthServer.StartAsync();
        var (factory, _) = TestStack.Create();
        var cache = NewCache();
        var grant = Faspex5Jwt(factory, oauth, cache);
        string soon = "h." + TokenDecoder.Base64Url(Encoding.UTF8.GetBytes($$"""{"exp":{{DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeSeconds()}}}""")) + ".s";
        cache.Put(grant.CacheId, $$"""{"access_token":"{{soon}}","refresh_token":"not_supported"}""");
        await factory.Create(oauth.Server.Url, grant).ReadAsync("api/data");
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", Assert.Single(oauth.TokenCalls)["grant_type"]);
    }

    [Fact]
    public async Task DisabledCacheStoresNothing()
    {
        await using var oauth = await OAuthServer.StartAsync();
        var (factory, _) = TestStack.Create();
        var cache = NewCache(enabled: false);
        await factory.Create(oauth.Server.Url, Faspex5Jwt(factory, oauth, cache)).ReadAsync("api/data");
        await factory.Create(oauth.Server.Url, Faspex5Jwt(factory, oauth, cache)).ReadAsync("api/data");
        Assert.Equal(2, oauth.TokenCalls.Count);
        Assert.Empty(Directory.GetFiles(cache.Folder));
    }

    [Fact]
    public async Task InvalidGrantIsARestError()
    {
        await using var oauth = await OAuthServer.StartAsync();
        var (factory, _) = TestStack.Create();
        using var otherKey = RSA.Create(2048);
        var grant = new JwtGrant(new OAuthEndpoint(factory.Create(oauth.Server.Url + "/auth")) { ClientId = "c" }, NewCache(), new JsonObject { ["sub"] = "u" }, otherKey);
        var e = await Assert.ThrowsAsync<RestCallException>(() => factory.Create(oauth.Server.Url, grant).ReadAsync("api/data"));
        Assert.Equal($"invalid_grant\nerror_description: bad signature\nbad signature\nerror: invalid_grant\n127.0.0.1:{oauth.Server.Port} 400 Bad Request", e.Message);
    }

    [Fact]
    public void EncryptedKeysNeedTheirPassphrase()
    {
        using var rsa = RSA.Create(2048);
        string pem = rsa.ExportEncryptedPkcs8PrivateKeyPem("s3cret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));
        using var key = JwtSigner.LoadKey(pem, "s3cret");
        Assert.Equal(rsa.ExportRSAPublicKeyPem(), key.ExportRSAPublicKeyPem());
        var e = Assert.Throws<Core.Errors.CliException>(() => JwtSigner.LoadKey("not a key"));
        Assert.Equal("Other(OpenSSL::PKey::RSAError)", e.Kind);
    }

    [Fact]
    public async Task ClientCredentialsWithBasicClientAuthentication()
    {
        await using var oauth = await OAuthServer.StartAsync();
        var (factory, _) = TestStack.Create();
        var endpoint = new OAuthEndpoint(factory.Create(oauth.Server.Url + "/auth", StaticAuthorization.Basic("cid", "csecret"))) { Scope = "admin" };
        await factory.Create(oauth.Server.Url, GenericGrant.ClientCredentials(endpoint, NewCache())).ReadAsync("api/data");
        var call = Assert.Single(oauth.TokenCalls);
        Assert.Equal("scope=admin&grant_type=client_credentials", call["_body"]);
        Assert.Equal("Basic Y2lkOmNzZWNyZXQ=", call["_auth"]);
    }

    [Fact]
    public async Task WebGrantThroughABrowserAndLoopbackRedirect()
    {
        await using var oauth = await OAuthServer.StartAsync();
        var (factory, _) = TestStack.Create();
        var redirect = new Uri($"http://127.0.0.1:{RestClientTests.FreePort()}/callback");
        Uri? opened = null;
        Task? browsing = null;
        void Browser(Uri login)
        {
            opened = login;
            // the "user": a client following the login page's redirection to the loopback listener
            browsing = Task.Run(async () => { using var http = new HttpClient(); (await http.GetAsync(login)).EnsureSuccessStatusCode(); });
        }
        var endpoint = new OAuthEndpoint(factory.Create(oauth.Server.Url + "/auth")) { ClientId = "web_client", ClientSecret = "web_secret", Scope = "user:all" };
        var grant = new WebGrant(endpoint, NewCache(), redirect, Browser);
        await factory.Create(oauth.Server.Url, grant).ReadAsync("api/data");
        await browsing!;
        Assert.StartsWith($"{oauth.Server.Url}/auth/authorize?scope=user%3Aall&client_id=web_client&response_type=code&redirect_uri=", opened!.ToString());
        var call = Assert.Single(oauth.TokenCalls);
        Assert.Equal($"scope=user%3Aall&client_id=web_client&client_secret=web_secret&grant_type=authorization_code&code=the_code&redirect_uri={RestQuery.FormEscape(redirect.ToString())}", call["_body"]);
    }

    [Fact]
    public void TextUiPrintsTheUrl()
    {
        var terminal = new StringWriter();
        AsperaNative.Auth.Browser.Open(new Uri("https://login.example.com/a"), "text", terminal);
        Assert.Contains("https://login.example.com/a", terminal.ToString());
    }

    [Fact]
    public async Task UrlJsonGrantForPublicLinks()
    {
        await using var oauth = await OAuthServer.StartAsync();
        var (factory, _) = TestStack.Create();
        var endpoint = new OAuthEndpoint(factory.Create(oauth.Server.Url + "/auth")) { Scope = "user:all" };
        var grant = new UrlJsonGrant(endpoint, NewCache(), new JsonObject { ["grant_type"] = "url_token" }, new JsonObject { ["url_token"] = "tok123" });
        await factory.Create(oauth.Server.Url, grant).ReadAsync("api/data");
        var call = Assert.Single(oauth.TokenCalls);
        Assert.Equal("?grant_type=url_token&scope=user%3Aall", call["_query"]);
        Assert.Equal("""{"url_token":"tok123"}""", call["_body"]);
    }

    [Fact]
    public async Task BootAndBearerSendTheGivenValue()
    {
        await using var server = await LoopbackServer.JsonAsync("{}");
        var (factory, _) = TestStack.Create();
        await factory.Create(server.Url, new StaticAuthorization("Bearer eyJhbGciOiJSUzI1NiJ9.Ym9vdA.c2ln")).ReadAsync("boot");
        await factory.Create(server.Url, StaticAuthorization.Bearer("tok")).ReadAsync("bearer");
        Assert.Equal(["Bearer eyJhbGciOiJSUzI1NiJ9.Ym9vdA.c2ln", "Bearer tok"], server.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task CacheIsSafeUnderConcurrentWriters()
    {
        string folder = Directory.CreateTempSubdirectory("tokens").FullName;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            for (int n = 0; n < 50; n++)
            {
                var cache = new TokenCache(folder);
                cache.Put("token_shared", $$"""{"access_token":"t{{i}}_{{n}}","pad":"{{new string('x', 5000)}}"}""");
                var read = new TokenCache(folder).Get("token_shared");
                Assert.NotNull(JsonNode.Parse(read!));
            }
        })));
        Assert.Single(Directory.GetFiles(folder, "token_*"));
    }

    [Fact]
    public void TokensListAndFlush()
    {
        var cache = NewCache();
        string jwt = "h." + TokenDecoder.Base64Url(Encoding.UTF8.GetBytes("""{"exp":4102444800,"sub":"u"}""")) + ".s";
        cache.Put(TokenCache.Id("token", "https://api.example.com/v1", "jwt", "u", "user:all"), $$"""{"access_token":"{{jwt}}","expires_in":3600}""");
        var list = TokenInfo.List(cache);
        var item = Assert.IsType<JsonObject>(Assert.Single(list));
        Assert.Equal("token_api_example_com_jwt_u_user_all", item["id"]!.GetValue<string>());
        Assert.Null(item["access_token"]);
        Assert.Equal("u", item["sub"]!.GetValue<string>());
        Assert.False(item["expired"]!.GetValue<bool>());
        Assert.Single(cache.Flush());
        Assert.Empty(TokenInfo.List(cache));
    }
}
