using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;

namespace AsperaNative.Emulators.Shares;

/// <summary>
/// Shares' connections to its nodes (node API user of each node): calls forwarded from <c>/node_api</c> and
/// share folder creation. Knows the node emulators it was given, so that nodes added through the admin API
/// at one of their addresses reach their storage too.
/// </summary>
internal sealed class NodeForwarder(SharesStore store) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true });
    private readonly List<NodeEmulator> _known = [];

    public void Know(NodeEmulator node)
    {
        lock (_known) _known.Add(node);
    }

    /// <summary>Updates how a node entity is reached (address, node API user; a null password keeps the previous one).</summary>
    public void Register(int id, JsonObject node, string? password)
    {
        string scheme = node["ssl"]?.GetValueKind() == System.Text.Json.JsonValueKind.False ? "http" : "https";
        string url = $"{scheme}://{node["host"]}:{node["port"]}";
        NodeEmulator? emulator;
        lock (_known) emulator = _known.FirstOrDefault(e => string.Equals(e.Url, url, StringComparison.OrdinalIgnoreCase));
        string user = node["api_username"]?.ToString() ?? "";
        store.NodeTargets[id] = new NodeTarget(url, user, password ?? store.NodeTargets.GetValueOrDefault(id)?.Password ?? "", emulator);
    }

    public async Task<(int Status, string? ContentType, string Body)> Send(NodeTarget target, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = Request(target, method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await _http.SendAsync(request);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e)
        {
            return (502, "application/json", new JsonObject { ["error"] = new JsonObject { ["code"] = 502, ["reason"] = "Bad Gateway", ["user_message"] = "Node unreachable: " + e.Message } }.ToJsonString());
        }
    }

    /// <summary>A streamed GET (file contents); the caller disposes the answer.</summary>
    public Task<HttpResponseMessage> Get(NodeTarget target, string path)
        => _http.SendAsync(Request(target, HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead);

    /// <summary>Creates a share's folder through the node API (<c>create_directory</c> of a new share).</summary>
    public void CreateFolder(int nodeId, string directory)
    {
        if (store.NodeTargets.GetValueOrDefault(nodeId) is not { } target) return;
        var body = new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["type"] = "directory", ["path"] = directory }) };
        Send(target, HttpMethod.Post, "files/create", body).GetAwaiter().GetResult();
    }

    private static HttpRequestMessage Request(NodeTarget target, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, target.Url.TrimEnd('/') + "/" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.Username}:{target.Password}")));
        return request;
    }

    public void Dispose() => _http.Dispose();
}
