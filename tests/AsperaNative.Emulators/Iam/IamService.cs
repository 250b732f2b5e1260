using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AsperaNative.Emulators.Iam;

/// <summary>An IBM Cloud API key: who it belongs to (IAM id, account).</summary>
public sealed record IamIdentity(string ApiKey, string IamId, string AccountId);

/// <summary>One token request as IAM received it.</summary>
public sealed record IamGrant(string GrantType, string? ResponseType, string? ApiKey, int Status);

/// <summary>
/// IBM Cloud IAM token service (<c>POST {identity}/token</c>, form encoded), as ATS and COS use it:
/// apikey grant with <c>response_type=cloud_iam</c> (RS256 JWT access token, <c>refresh_token</c>
/// <c>not_supported</c>) or <c>delegated_refresh_token</c> (opaque token for <c>receiver_client_ids</c>);
/// the refresh grant is refused as IAM refuses <c>not_supported</c>. Errors have IAM's shape
/// <c>{"errorCode","errorMessage","context"}</c>. Mapped by the product emulators on their host(s).
/// </summary>
public sealed class IamService
{
    public const string ApiKeyGrant = "urn:ibm:params:oauth:grant-type:apikey";
    public const string Issuer = "https://iam.cloud.ibm.com/identity";

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly Dictionary<string, IamIdentity> _apiKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IamIdentity Who, string[] Receivers, DateTimeOffset Expires)> _delegated = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Lifetime of issued tokens (<c>expires_in</c>, JWT <c>exp</c>).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Every token request, in order.</summary>
    public List<IamGrant> Grants { get; } = [];

    /// <summary>Registers an API key (the IAM id and account default to values derived from it).</summary>
    public IamIdentity AddApiKey(string apiKey, string? iamId = null, string? accountId = null)
    {
        var identity = new IamIdentity(apiKey, iamId ?? $"iam-ServiceId-{Hash(apiKey)[..8]}", accountId ?? $"acc{Hash(apiKey)[..12]}");
        lock (_lock) _apiKeys[apiKey] = identity;
        return identity;
    }

    /// <summary>Maps <c>POST token</c> on <paramref name="identity"/> (a group such as <c>/identity</c>, possibly host-bound).</summary>
    public void Map(IEndpointRouteBuilder identity) => identity.MapPost("/token", Token);

    /// <summary>The identity of a valid access token (signature, expiry), or null.</summary>
    public IamIdentity? Validate(string? accessToken)
    {
        if (accessToken is null) return null;
        string[] parts = accessToken.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            byte[] signature = Base64Url.Decode(parts[2]);
            if (!_signingKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return null;
            var claims = JsonNode.Parse(Base64Url.Decode(parts[1]))!;
            if (claims["exp"]!.GetValue<long>() <= DateTimeOffset.UtcNow.ToUnixTimeSeconds()) return null;
            string apiKey = claims["emulator_apikey"]!.GetValue<string>();
            lock (_lock) return _apiKeys.GetValueOrDefault(apiKey);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException) { return null; }
    }

    /// <summary>The identity of a valid delegated refresh token issued for <paramref name="receiver"/>, or null.</summary>
    public IamIdentity? ValidateDelegated(string? token, string receiver)
    {
        if (token is null) return null;
        lock (_lock)
            return _delegated.TryGetValue(token, out var d) && d.Expires > DateTimeOffset.UtcNow && d.Receivers.Contains(receiver) ? d.Who : null;
    }

    private async Task Token(HttpContext ctx)
    {
        if (!ctx.Request.HasFormContentType)
        {
            await Error(ctx, null, null, 400, "BXNIM0109E", "Property missing or empty. Property name(s): 'grant_type'");
            return;
        }
        var form = await ctx.Request.ReadFormAsync();
        string grant = form["grant_type"].ToString();
        string? responseType = form.ContainsKey("response_type") ? form["response_type"].ToString() : null;
        string? apiKey = form.ContainsKey("apikey") ? form["apikey"].ToString() : null;
        if (grant == "refresh_token")
        {
            // IAM apikey tokens come with refresh_token "not_supported": no refresh is ever possible
            await Error(ctx, grant, responseType, 400, "BXNIM0407E", "Provided refresh token is invalid.", apiKey);
            return;
        }
        if (grant != ApiKeyGrant)
        {
            await Error(ctx, grant, responseType, 400, "BXNIM0106E", $"Unsupported grant type: {grant}", apiKey);
            return;
        }
        if (string.IsNullOrEmpty(apiKey))
        {
            await Error(ctx, grant, responseType, 400, "BXNIM0109E", "Property missing or empty. Property name(s): 'apikey'", apiKey);
            return;
        }
        IamIdentity? who;
        lock (_lock) who = _apiKeys.GetValueOrDefault(apiKey);
        if (who is null)
        {
            await Error(ctx, grant, responseType, 400, "BXNIM0415E", "Provided API key could not be found.", apiKey);
            return;
        }
        var now = DateTimeOffset.UtcNow;
        var expires = now + TokenLifetime;
        JsonObject answer;
        switch (responseType ?? "cloud_iam")
        {
            case "cloud_iam":
                answer = new JsonObject
                {
                    ["access_token"] = AccessToken(who, now, expires),
                    ["refresh_token"] = "not_supported",
                    ["ims_user_id"] = 1000001,
                    ["token_type"] = "Bearer",
                    ["expires_in"] = (long)TokenLifetime.TotalSeconds,
                    ["expiration"] = expires.ToUnixTimeSeconds(),
                    ["scope"] = "ibm openid",
                };
                break;
            case "delegated_refresh_token":
                string[] receivers = form["receiver_client_ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (receivers.Length == 0)
                {
                    await Error(ctx, grant, responseType, 400, "BXNIM0109E", "Property missing or empty. Property name(s): 'receiver_client_ids'", apiKey);
                    return;
                }
                string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
                lock (_lock) _delegated[token] = (who, receivers, expires);
                answer = new JsonObject
                {
                    ["delegated_refresh_token"] = token,
                    ["token_type"] = "Bearer",
                    ["expires_in"] = (long)TokenLifetime.TotalSeconds,
                    ["expiration"] = expires.ToUnixTimeSeconds(),
                };
                break;
            default:
                await Error(ctx, grant, responseType, 400, "BXNIM0111E", $"Unsupported response type: {responseType}", apiKey);
                return;
        }
        lock (Grants) Grants.Add(new IamGrant(grant, responseType, apiKey, 200));
        await EmulatorHost.Json(ctx, answer);
    }

    private string AccessToken(IamIdentity who, DateTimeOffset now, DateTimeOffset expires)
    {
        var header = new JsonObject { ["kid"] = "20240501", ["alg"] = "RS256" };
        var claims = new JsonObject
        {
            ["iam_id"] = who.IamId,
            ["id"] = who.IamId,
            ["realmid"] = "iam",
            ["identifier"] = who.IamId[(who.IamId.LastIndexOf('-') + 1)..],
            ["sub"] = who.IamId,
            ["sub_type"] = "ServiceId",
            ["account"] = new JsonObject { ["valid"] = true, ["bss"] = who.AccountId },
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iss"] = Issuer,
            ["grant_type"] = ApiKeyGrant,
            ["scope"] = "ibm openid",
            ["client_id"] = "default",
            ["acr"] = 1,
            ["amr"] = new JsonArray("pwd"),
            // lets the emulator find the key again without a token table
            ["emulator_apikey"] = who.ApiKey,
        };
        string signed = $"{Base64Url.Encode(header.ToJsonString())}.{Base64Url.Encode(claims.ToJsonString())}";
        byte[] signature = _signingKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url.Encode(signature)}";
    }

    private async Task Error(HttpContext ctx, string? grant, string? responseType, int status, string code, string message, string? apiKey = null)
    {
        lock (Grants) Grants.Add(new IamGrant(grant ?? "", responseType, apiKey, status));
        string now = DateTime.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["errorCode"] = code,
            ["errorMessage"] = message,
            ["context"] = new JsonObject
            {
                ["requestId"] = Guid.NewGuid().ToString("N"),
                ["requestType"] = "incoming.Identity_Token",
                ["userAgent"] = ctx.Request.Headers.UserAgent.ToString(),
                ["url"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}",
                ["instanceId"] = "iamid-emulator-0",
                ["threadId"] = "1",
                ["host"] = "iamid-emulator-0",
                ["startTime"] = now,
                ["endTime"] = now,
                ["elapsedTime"] = "1",
                ["locale"] = "en_US",
                ["clusterName"] = "iam-id-emulator",
            },
        };
        await EmulatorHost.Json(ctx, body, status);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
