using AsperaNative.Core.Errors;
using AsperaNative.Rest;

namespace AsperaNative.NodeApi.Api;

/// <summary>
/// How a Node API is reached: HTTP Basic with a node API user (gen3) or an access key and its
/// secret (gen4), or an access key bearer token given as the password (<c>Bearer …</c>), sent with
/// the <c>X-Aspera-AccessKey</c> header (manual, "Plugin: node", "Bearer token").
/// </summary>
public static class NodeConnection
{
    public const string AccessKeyHeader = "X-Aspera-AccessKey";
    public const string CacheHeader = "X-Aspera-Cache-Control";

    /// <summary>A client for <paramref name="url"/> with the credentials given; a password starting with <c>Bearer </c> is a bearer token of access key <paramref name="username"/>.</summary>
    public static NodeApiClient Create(RestFactory factory, string url, string username, string password, bool nodeCache = true)
    {
        var headers = new Dictionary<string, string>();
        if (!nodeCache) headers[CacheHeader] = "no-cache";
        if (IsBearer(password))
        {
            headers[AccessKeyHeader] = username;
            var api = factory.Create(url, StaticAuthorization.Bearer(password), new RestClientOptions { Headers = headers });
            return new NodeApiClient(api, new NodeCredentials(username, password, Bearer: true));
        }
        var basic = factory.Create(url, StaticAuthorization.Basic(username, password), new RestClientOptions { Headers = headers });
        return new NodeApiClient(basic, new NodeCredentials(username, password, Bearer: false));
    }

    public static bool IsBearer(string password) => password.StartsWith("Bearer ", StringComparison.Ordinal);

    /// <summary>ascli's message when an access key secret is needed and unknown.</summary>
    public static CliException MissingSecret(string url, string accessKey)
        => CliException.BadArgument($"please provide secret for {accessKey} using option: secret or by setting a preset for {url}");
}

/// <summary>The user (node API user or access key) and password (or <c>Bearer</c> token) of a client.</summary>
public sealed record NodeCredentials(string Username, string Password, bool Bearer);
