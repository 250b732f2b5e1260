using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.Agents;

namespace AsperaNative.NodeApi.Simulator;

/// <summary>Settings of <c>node simulator</c>: where to listen, the credentials clients must give (optional), the browsed folder.</summary>
public sealed record NodeSimulatorSettings(Uri Url, string? Username, string? Password, string BrowseRoot, string? AscpVersion);

/// <summary>
/// ascli's built-in minimal Node API (<c>node simulator</c>), on <see cref="HttpListener"/> (no ASP.NET Core):
/// <c>GET /info</c>, <c>POST /ops/transfers</c> (the node runs the transfer as a client with the local ascp),
/// <c>GET /ops/transfers</c>, <c>GET /ops/transfers/{id}</c>, <c>POST /files/browse</c>, and the transfer
/// authorizations <c>POST /files/upload_setup</c> and <c>/files/download_setup</c>, below the path of the URL.
/// With a username, these requests must carry its Basic credentials. It also serves the HTTP Gateway protocol
/// (<c>/aspera/http-gwy</c>) on the browse root, so that <c>--transfer=httpgw</c> moves real files with
/// nothing but this binary on the machine.
/// </summary>
public sealed class NodeSimulatorServer : IDisposable
{
    public const string Realm = "Aspera Node Simulator";
    public const string NodeId = "2bbdcc39-f789-4d47-8163-6767fc14f421";
    private const string TransfersPath = "ops/transfers";

    private readonly NodeSimulatorSettings _settings;
    private readonly SimulatedTransfers _transfers;
    private readonly SimulatedAuthorizations _authorizations = new();
    private readonly SimulatedGateway _gateway;
    private readonly HttpListener _listener = new();
    private readonly string _basePath;

    public NodeSimulatorServer(NodeSimulatorSettings settings, ITransferAgent agent)
    {
        _settings = settings;
        _transfers = new SimulatedTransfers(agent, NodeId);
        _gateway = new SimulatedGateway(settings.BrowseRoot, _authorizations);
        if (settings.Url.Scheme != Uri.UriSchemeHttp) throw CliException.BadArgument($"simulator: only http is supported: {settings.Url}");
        _basePath = settings.Url.AbsolutePath.TrimEnd('/') + "/";
        string host = settings.Url.Host is "0.0.0.0" or "::" or "[::]" ? "*" : settings.Url.Host;
        _listener.Prefixes.Add($"http://{host}:{settings.Url.Port}{_basePath}");
    }

    /// <summary>Serves until cancelled, then waits for the running transfers to stop.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        try { _listener.Start(); }
        catch (HttpListenerException e) { throw CliException.Runtime($"cannot listen on {_settings.Url}: {e.Message}"); }
        using var stop = cancel.Register(_listener.Stop);
        var handlers = new List<Task>();
        while (!cancel.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (cancel.IsCancellationRequested) break;
                throw;
            }
            handlers.RemoveAll(static t => t.IsCompleted);
            handlers.Add(Task.Run(() => HandleAsync(context, cancel), CancellationToken.None));
        }
        await Task.WhenAll(handlers);
        await _transfers.DrainAsync();
    }

    private async Task HandleAsync(HttpListenerContext context, CancellationToken cancel)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            string path = request.Url!.AbsolutePath;
            path = path.Length >= _basePath.Length ? path[_basePath.Length..].TrimEnd('/') : "";
            if (path.StartsWith(SimulatedGateway.Prefix, StringComparison.Ordinal))
            {
                // the gateway authorizes each transfer by the token of its spec, not by the node's credentials
                await _gateway.HandleAsync(context, path[SimulatedGateway.Prefix.Length..], $"{request.Url.Scheme}://{request.Url.Authority}{_basePath}", cancel);
                return;
            }
            if (!Authorized(request))
            {
                response.AddHeader("WWW-Authenticate", $"Basic realm=\"{Realm}\"");
                await Reply(response, 401, new JsonObject { ["error"] = new JsonObject { ["code"] = 401, ["user_message"] = "API user authentication failed", ["reason"] = "Unauthorized" } });
                return;
            }
            var (code, body) = request.HttpMethod switch
            {
                "GET" => Get(path),
                "POST" => Post(path, await ReadBody(request), cancel),
                _ => (400, Error("Bad request")),
            };
            await Reply(response, code, body);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // client gone
        }
        finally
        {
            try { response.Close(); } catch (ObjectDisposedException) { }
        }
    }

    private bool Authorized(HttpListenerRequest request)
    {
        if (_settings.Username is null) return true;
        string? header = request.Headers["Authorization"];
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())); }
        catch (FormatException) { return false; }
        int colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && decoded[..colon] == _settings.Username && decoded[(colon + 1)..] == (_settings.Password ?? "");
    }

    private (int, JsonNode) Get(string path)
    {
        if (path == "info") return (200, Info());
        if (path == TransfersPath) return (200, _transfers.All());
        if (path.StartsWith(TransfersPath + "/", StringComparison.Ordinal))
        {
            return _transfers.Show(path[(TransfersPath.Length + 1)..]) is { } transfer
                ? (200, transfer)
                : (404, new JsonObject { ["error"] = new JsonObject { ["code"] = 404, ["user_message"] = "Transfer not found", ["reason"] = "Not Found" } });
        }
        return (400, Error("Unknown request"));
    }

    private (int, JsonNode) Post(string path, JsonNode? body, CancellationToken cancel)
    {
        if (path == TransfersPath)
        {
            if (body is not JsonObject spec) return (400, Error("Bad request"));
            return (200, _transfers.Start(spec, cancel));
        }
        if (path is "files/upload_setup" or "files/download_setup")
            return (200, _authorizations.Setup(path["files/".Length..^"_setup".Length], body, _settings.Url.Host, 33001));
        if (path == "files/browse")
        {
            string requested = body?["path"]?.GetValueKind() == JsonValueKind.String ? body["path"]!.GetValue<string>() : "/";
            return Browse(requested);
        }
        return (400, Error("Bad request"));
    }

    private static JsonArray Error(string message) => new((JsonNode)new JsonObject { ["error"] = message });

    private JsonObject Info() => new()
    {
        ["application"] = "node",
        ["current_time"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["version"] = _settings.AscpVersion,
        ["os"] = RuntimeInformation.OSDescription,
        ["aej_status"] = "disconnected",
        ["async_reporting"] = "no",
        ["transfer_activity_reporting"] = "no",
        ["transfer_user"] = Environment.UserName,
        ["docroot"] = "file:///" + _settings.BrowseRoot.TrimStart('/'),
        ["node_id"] = NodeId,
        ["acls"] = new JsonArray(),
        ["capabilities"] = new JsonArray(
            Capability("sync", false), Capability("watchfolder", false), Capability("symbolic_links", true),
            Capability("move_file", false), Capability("move_directory", false), Capability("filelock", false),
            Capability("page", false), Capability("file_id_version", "2.0"), Capability("auto_delete", false)),
        ["settings"] = new JsonArray(Capability("wss_enabled", false)),
    };

    private static JsonNode Capability(string name, JsonNode value) => new JsonObject { ["name"] = name, ["value"] = value };

    /// <summary><c>/files/browse</c>: the entries of a folder below the browse root (a path outside it is not found).</summary>
    private (int, JsonNode) Browse(string requested)
    {
        string root = Path.GetFullPath(_settings.BrowseRoot);
        string full = Path.GetFullPath(Path.Combine(root, requested.TrimStart('/')));
        bool inside = full == root || full.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal);
        if (!inside || !Directory.Exists(full))
            return (404, new JsonObject { ["error"] = new JsonObject { ["code"] = 404, ["user_message"] = "File not found", ["reason"] = "Not Found" } });
        string Api(string p) => Path.GetRelativePath(root, p) is var relative && relative == "." ? "/" : "/" + relative.Replace('\\', '/');
        var items = new JsonArray();
        foreach (var entry in new DirectoryInfo(full).EnumerateFileSystemInfos().OrderBy(static e => e.Name, StringComparer.Ordinal))
            items.Add(Entry(entry, Api(entry.FullName)));
        return (200, new JsonObject { ["self"] = Entry(new DirectoryInfo(full), Api(full)), ["items"] = items, ["item_count"] = items.Count, ["total_count"] = items.Count });
    }

    private static JsonNode Entry(FileSystemInfo info, string path)
    {
        string type = info.LinkTarget is not null ? "symbolic_link" : info is DirectoryInfo ? "directory" : "file";
        var entry = new JsonObject
        {
            ["path"] = path,
            ["basename"] = info is DirectoryInfo && path == "/" ? "/" : info.Name,
            ["type"] = type,
            ["size"] = info is FileInfo f ? f.Length : 0,
            ["mtime"] = info.LastWriteTimeUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["permissions"] = new JsonArray(new JsonObject { ["name"] = "view" }, new JsonObject { ["name"] = "edit" }, new JsonObject { ["name"] = "delete" }),
        };
        if (type == "file") entry["partial_file"] = false;
        if (info.LinkTarget is { } target) entry["target"] = target;
        return entry;
    }

    private static async Task<JsonNode?> ReadBody(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        string text = await reader.ReadToEndAsync();
        if (text.Length == 0) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return null; }
    }

    private static async Task Reply(HttpListenerResponse response, int code, JsonNode body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.StatusCode = code;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    public void Dispose() => ((IDisposable)_listener).Dispose();
}
