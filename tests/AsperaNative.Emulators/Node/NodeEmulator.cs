using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AsperaNative.Emulators.Node;

/// <summary>
/// A Node API over a real folder tree on 127.0.0.1 (HTTPS, self-signed certificate): gen3 calls on
/// paths for the node API user, gen4 calls on file ids for access keys (Basic with the secret, or a
/// bearer token signed with the key set by <c>set_bearer_key</c>), transfers run by copying files.
/// Errors have the node's body shape: <c>{"error":{"code","reason","user_message"}}</c>.
/// </summary>
public sealed class NodeEmulator : IAsyncDisposable
{
    public const string AdminUser = "node_admin";
    public const string AdminPassword = "Adm1n_Pass";

    private readonly WebApplication _app;

    public NodeStore Store { get; }
    public string Url { get; private set; } = "";
    /// <summary>Requests received, <c>METHOD /path?query</c>.</summary>
    public List<string> Requests { get; } = [];
    /// <summary>
    /// Accepts bearer tokens issued by someone else (e.g. AoC's <c>node.&lt;ak&gt;:user:all</c> tokens):
    /// called with the token and the access key named by <c>X-Aspera-AccessKey</c> when the node's own
    /// token check fails; true grants the call that key's storage.
    /// </summary>
    public Func<string, AccessKey, bool>? ExternalBearerValidator { get; set; }

    private NodeEmulator(string docroot)
    {
        Store = new NodeStore(docroot);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(SelfSigned())));
        _app = builder.Build();
        _app.Use(async (ctx, next) =>
        {
            lock (Requests) Requests.Add($"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString}");
            // the node's health check answers without authentication, with an empty body (ascli's detection)
            if (ctx.Request.Path == "/ping" && HttpMethods.IsGet(ctx.Request.Method))
            {
                ctx.Response.StatusCode = 200;
                return;
            }
            if (!Authenticate(ctx))
            {
                await Error(ctx, 401, 1002, "Unauthorized", "API user authentication failed");
                return;
            }
            await next(ctx);
        });
        Gen3Routes.Map(_app, Store);
        Gen4Routes.Map(_app, Store);
        AdminRoutes.Map(_app, Store);
        PreviewRoutes.Map(_app, Store);
    }

    /// <summary>Starts an emulator serving <paramref name="docroot"/> on a free loopback port.</summary>
    public static async Task<NodeEmulator> StartAsync(string docroot)
    {
        var emulator = new NodeEmulator(docroot);
        await emulator._app.StartAsync();
        emulator.Url = emulator._app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return emulator;
    }

    /// <summary>Adds an access key whose storage is <paramref name="root"/> (a folder of the docroot).</summary>
    public AccessKey AddAccessKey(string id, string secret, string root)
    {
        Directory.CreateDirectory(root);
        var key = new AccessKey(id, secret, Path.GetFullPath(root));
        Store.AccessKeys[id] = key;
        return key;
    }

    private bool Authenticate(HttpContext ctx)
    {
        string auth = ctx.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Basic ", StringComparison.Ordinal))
        {
            string[] pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth[6..])).Split(':', 2);
            if (pair.Length != 2) return false;
            if (pair[0] == AdminUser && pair[1] == AdminPassword)
            {
                ctx.Items["root"] = Store.Docroot;
                return true;
            }
            if (Store.AccessKeys.TryGetValue(pair[0], out var key) && key.Secret == pair[1]
                && (key.StorageCredentialsCheck is null || key.StorageCredentialsCheck(ctx.Request.Headers["X-Aspera-Storage-Credentials"].FirstOrDefault())))
            {
                ctx.Items["root"] = key.Root;
                ctx.Items["ak"] = key;
                return true;
            }
            return false;
        }
        if (auth.StartsWith("Bearer ", StringComparison.Ordinal)
            && Store.AccessKeys.TryGetValue(ctx.Request.Headers["X-Aspera-AccessKey"].ToString(), out var ak)
            && (VerifyBearer(auth[7..], ak) || ExternalBearerValidator?.Invoke(auth[7..], ak) == true))
        {
            ctx.Items["root"] = ak.Root;
            ctx.Items["ak"] = ak;
            return true;
        }
        return false;
    }

    /// <summary>Checks signature (key of the access key), scope, expiry, and that the user has a permission.</summary>
    private bool VerifyBearer(string token, AccessKey key)
    {
        if (key.TokenVerificationKey is null) return false;
        try
        {
            using var z = new ZLibStream(new MemoryStream(Convert.FromBase64String(token)), CompressionMode.Decompress);
            string text = new StreamReader(z).ReadToEnd();
            int at = text.IndexOf("\n==SIGNATURE==\n", StringComparison.Ordinal);
            string json = text[..at];
            byte[] sig = Convert.FromBase64String(text[(at + 15)..].Replace("\n", "", StringComparison.Ordinal));
            using var rsa = RSA.Create();
            rsa.ImportFromPem(key.TokenVerificationKey);
            if (!rsa.VerifyData(Encoding.UTF8.GetBytes(json), sig, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1)) return false;
            var payload = JsonNode.Parse(json)!;
            if (payload["scope"]?.ToString() != $"node.{key.Id}:user:all") return false;
            if (DateTime.Parse(payload["expires_at"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime() < DateTime.UtcNow) return false;
            string user = payload["user_id"]!.ToString();
            lock (Store.Permissions) return Store.Permissions.Any(p => p["access_id"]?.ToString() == user);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or ArgumentException or CryptographicException or ArgumentOutOfRangeException) { return false; }
    }

    internal static Task Error(HttpContext ctx, int status, int code, string reason, string message)
        => Json(ctx, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["reason"] = reason, ["user_message"] = message } }, status);

    internal static async Task Json(HttpContext ctx, JsonNode? body, int status = 200)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        if (body is not null) await ctx.Response.WriteAsync(body.ToJsonString());
    }

    internal static async Task<JsonNode?> Body(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        string text = await reader.ReadToEndAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
