using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Node;

namespace AsperaNative.Emulators.Faspex4;

/// <summary>
/// Faspex's own connection to its transfer node (HTTPS, node API user): folders for packages, transfer
/// specs from <c>files/upload_setup</c> / <c>download_setup</c>, server-side copies by <c>ops/transfers</c>.
/// Transfer paths are made absolute paths of the node's storage: the emulated transfer user has no
/// docroot, so the stand-in ascp, which plays both ends on this machine, reads and writes the node's files.
/// </summary>
internal sealed class NodeLink(NodeEmulator node) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true })
    {
        BaseAddress = new Uri(node.Url + "/"),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{NodeEmulator.AdminUser}:{NodeEmulator.AdminPassword}"))) },
    };

    public NodeEmulator Node => node;

    /// <summary>Absolute path on disk of a node API path.</summary>
    public string Absolute(string apiPath) => NodeStore.Resolve(node.Store.Docroot, apiPath) ?? throw new ArgumentException($"outside of the node docroot: {apiPath}");

    /// <summary>Node API path of an absolute path on disk, or null when outside of the docroot.</summary>
    public string? ApiPath(string absolute)
    {
        string root = node.Store.Docroot.TrimEnd('/');
        string full = Path.GetFullPath(absolute).TrimEnd('/');
        return full == root || full.StartsWith(root + "/", StringComparison.Ordinal) ? NodeStore.ApiPath(root, full) : null;
    }

    public async Task CreateFolder(string apiPath)
    {
        var answer = await Post("files/create", new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["type"] = "directory", ["path"] = apiPath }) });
        if (answer["paths"]?[0]?["error"] is JsonObject error) throw new IOException(error["user_message"]?.ToString());
    }

    /// <summary>Transfer spec to upload into a folder of the node.</summary>
    public async Task<JsonObject> UploadSpec(string apiFolder)
    {
        var spec = await Setup("upload", new JsonObject { ["destination"] = apiFolder });
        spec["destination_root"] = Absolute(apiFolder);
        spec["paths"] = new JsonArray(new JsonObject { ["destination"] = Absolute(apiFolder) });
        return spec;
    }

    /// <summary>Transfer spec to download files of the node.</summary>
    public async Task<JsonObject> DownloadSpec(IEnumerable<string> apiSources)
    {
        var paths = apiSources.Select(static s => (JsonNode)new JsonObject { ["source"] = s }).ToArray();
        var spec = await Setup("download", paths);
        spec["paths"] = new JsonArray([.. apiSources.Select(s => (JsonNode)new JsonObject { ["source"] = Absolute(s) })]);
        return spec;
    }

    /// <summary>Has the node copy files of its storage into another of its folders (a remote source send).</summary>
    public async Task<JsonObject> Copy(IEnumerable<string> apiSources, string apiDestination)
    {
        var paths = new JsonArray([.. apiSources.Select(static s => (JsonNode)new JsonObject { ["source"] = s })]);
        return await Post("ops/transfers", new JsonObject { ["direction"] = "send", ["destination_root"] = apiDestination, ["paths"] = paths });
    }

    private JsonObject? _transport;

    /// <summary>Connection fields of the node's transfer server (host, user, ports), asked once.</summary>
    public async Task<JsonObject> Transport() => _transport ??= await Setup("download", new JsonObject { ["source"] = "/" });

    private async Task<JsonObject> Setup(string direction, params JsonNode[] paths)
    {
        var request = new JsonObject { ["transfer_requests"] = new JsonArray(new JsonObject { ["transfer_request"] = new JsonObject { ["paths"] = new JsonArray(paths) } }) };
        var answer = await Post($"files/{direction}_setup", request);
        return answer["transfer_specs"]?[0]?["transfer_spec"]?.DeepClone() as JsonObject ?? throw new IOException($"node {direction}_setup gave no transfer spec");
    }

    private async Task<JsonObject> Post(string path, JsonObject body)
    {
        using var response = await _http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new IOException($"node {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text) as JsonObject ?? [];
    }

    public void Dispose() => _http.Dispose();
}
