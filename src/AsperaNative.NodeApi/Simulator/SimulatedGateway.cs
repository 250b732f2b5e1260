using System.IO.Compression;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsperaNative.NodeApi.Simulator;

/// <summary>
/// The HTTP Gateway protocol served by the node simulator (IBM Aspera HTTP Gateway API below
/// <c>/aspera/http-gwy</c>): <c>GET v1/info</c>; uploads over the web sockets <c>v1/upload</c> (base64 slices in JSON)
/// and <c>v2/upload</c> (binary frames between <c>slice_upload</c> delimiters), each message acknowledged
/// (<c>end upload</c>, <c>end_slice_upload</c>); <c>POST v1/download</c> prepares a download and
/// <c>GET v1/download/{id}</c> sends it (one file, with ranges for resuming, or a zip). Files live below the
/// simulator's storage root; transfer specs must carry a token the simulator issued.
/// </summary>
internal sealed class SimulatedGateway(string storageRoot, SimulatedAuthorizations authorizations)
{
    public const string Prefix = "aspera/http-gwy/";
    private const string PartialSuffix = ".partial";

    private readonly string _root = Path.GetFullPath(storageRoot);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Download> _downloads = new(StringComparer.Ordinal);

    private sealed record Download(IReadOnlyList<(string Full, string Name)> Files, bool Zip);

    /// <summary>Answers one request below <see cref="Prefix"/> (<paramref name="path"/> is what follows it).</summary>
    public async Task HandleAsync(HttpListenerContext context, string path, string publicBase, CancellationToken cancel)
    {
        var request = context.Request;
        switch (request.HttpMethod, path)
        {
            case ("GET", "v1/info"):
                await JsonReply(context.Response, 200, Info());
                break;
            case ("GET", "v1/upload" or "v2/upload") when request.IsWebSocketRequest:
                var ws = await context.AcceptWebSocketAsync(null);
                using (var socket = ws.WebSocket) await UploadAsync(socket, v2: path.StartsWith("v2", StringComparison.Ordinal), cancel);
                break;
            case ("POST", "v1/download"):
                await PrepareDownloadAsync(context, publicBase);
                break;
            case ("GET", _) when path.StartsWith("v1/download/", StringComparison.Ordinal):
                await SendDownloadAsync(context, path["v1/download/".Length..], cancel);
                break;
            default:
                await JsonReply(context.Response, 404, new JsonObject { ["message"] = $"unknown endpoint: {request.HttpMethod} {path}" });
                break;
        }
    }

    private static JsonObject Info() => new()
    {
        ["name"] = "HTTP Gateway (node simulator)",
        ["version"] = "2.3.0",
        ["endpoints"] = new JsonArray("/v1/info", "/v1/upload", "/v2/upload", "/v1/download"),
        ["download_endpoint"] = "/v1/download",
        ["upload_endpoint"] = "/v2/upload",
    };

    /// <summary>A path below the storage root, null when it would leave it.</summary>
    private string? Resolve(string? folder, string relative)
    {
        string full = Path.GetFullPath(Path.Combine(_root, (folder ?? "").TrimStart('/'), relative.TrimStart('/')));
        return full == _root || full.StartsWith(_root.TrimEnd('/') + "/", StringComparison.Ordinal) ? full : null;
    }

    private sealed class UploadFailure(string message) : Exception(message);

    /// <summary>One upload session: the transfer spec, then the files; any failure is sent as the gateway's error message.</summary>
    private async Task UploadAsync(WebSocket socket, bool v2, CancellationToken cancel)
    {
        var buffer = new byte[1 << 20];
        var message = new MemoryStream();
        string? destination = null;
        FileStream? current = null;
        (string Partial, string Target, long Size, int Index)? open = null;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancel);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel);
                    return;
                }
                if (result.MessageType == WebSocketMessageType.Binary && message.Length == 0 && result.EndOfMessage && current is not null)
                {
                    // the common case: one frame, written as it came
                    await current.WriteAsync(buffer.AsMemory(0, result.Count), cancel);
                    await Acknowledge(socket, "end upload", cancel);
                    continue;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    if (current is null) throw new UploadFailure("data received outside of a file");
                    await current.WriteAsync(message.GetBuffer().AsMemory(0, (int)message.Length), cancel);
                    message.SetLength(0);
                    await Acknowledge(socket, "end upload", cancel);
                    continue;
                }
                var json = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject ?? throw new UploadFailure("bad message");
                message.SetLength(0);
                if (json["transfer_spec"] is JsonObject spec)
                {
                    if (!authorizations.Allows(spec["token"]?.ToString(), "send")) throw new UploadFailure("invalid token for upload");
                    destination = spec["destination_root"]?.ToString() ?? "/";
                    if (Resolve(destination, "") is null) throw new UploadFailure($"destination outside of storage: {destination}");
                    await Acknowledge(socket, "end upload", cancel);
                    continue;
                }
                if (json["slice_upload"] is not JsonObject slice) throw new UploadFailure("unexpected message");
                if (destination is null) throw new UploadFailure("transfer spec must come first");
                string name = slice["name"]?.ToString() ?? throw new UploadFailure("slice without name");
                int index = slice["fileIndex"]?.GetValue<int>() ?? 0;
                long size = slice["size"]?.GetValue<long>() ?? 0;
                long number = slice["slice"]?.GetValue<long>() ?? 0, total = slice["total_slices"]?.GetValue<long>() ?? 1;
                if (v2)
                {
                    if (open is { } file && file.Index == index)
                    {
                        // the closing delimiter
                        await current!.DisposeAsync();
                        current = null;
                        Finish(file.Partial, file.Target, file.Size);
                        open = null;
                    }
                    else
                    {
                        (current, open) = Open(destination, name, size, index);
                    }
                    await Acknowledge(socket, "end_slice_upload", cancel);
                    continue;
                }
                // v1: each slice carries its data in base64
                if (number == 0) (current, open) = Open(destination, name, size, index);
                if (current is null || open is not { } one || one.Index != index) throw new UploadFailure("slice of a file not started");
                await current.WriteAsync(Convert.FromBase64String(slice["data"]?.ToString() ?? ""), cancel);
                if (number == total - 1)
                {
                    await current.DisposeAsync();
                    current = null;
                    Finish(one.Partial, one.Target, one.Size);
                    open = null;
                }
                await Acknowledge(socket, "end upload", cancel);
            }
        }
        catch (Exception e) when (e is UploadFailure or JsonException or FormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            if (socket.State == WebSocketState.Open)
            {
                try
                {
                    await Acknowledge(socket, new JsonObject { ["message"] = e.Message }.ToJsonString(), cancel);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, null, cancel);
                }
                catch (Exception f) when (f is WebSocketException or IOException) { }
            }
        }
        catch (WebSocketException) { }
        finally
        {
            if (current is not null) await current.DisposeAsync();
        }
    }

    private (FileStream, (string, string, long, int)) Open(string destination, string name, long size, int index)
    {
        string target = Resolve(destination, name) ?? throw new UploadFailure($"file outside of storage: {name}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string partial = target + PartialSuffix;
        return (new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true), (partial, target, size, index));
    }

    /// <summary>A complete file replaces the destination; a short one is an error.</summary>
    private static void Finish(string partial, string target, long size)
    {
        long length = new FileInfo(partial).Length;
        if (length != size)
        {
            File.Delete(partial);
            throw new UploadFailure($"incomplete file: {Path.GetFileName(target)} ({length} of {size} bytes)");
        }
        File.Move(partial, target, overwrite: true);
    }

    private static Task Acknowledge(WebSocket socket, string text, CancellationToken cancel)
        => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancel);

    private async Task PrepareDownloadAsync(HttpListenerContext context, string publicBase)
    {
        JsonNode? body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            try { body = JsonNode.Parse(await reader.ReadToEndAsync()); }
            catch (JsonException) { body = null; }
        }
        if (body?["transfer_spec"] is not JsonObject spec)
        {
            await JsonReply(context.Response, 400, new JsonObject { ["message"] = "missing transfer_spec" });
            return;
        }
        if (!authorizations.Allows(spec["token"]?.ToString(), "receive"))
        {
            await JsonReply(context.Response, 401, new JsonObject { ["message"] = "invalid token for download" });
            return;
        }
        string root = spec["source_root"]?.ToString() ?? "/";
        var files = new List<(string, string)>();
        var paths = spec["paths"] as JsonArray ?? [];
        foreach (var p in paths.OfType<JsonObject>())
        {
            string source = p["source"]?.ToString() ?? "";
            string? full = Resolve(root, source);
            if (full is not null && File.Exists(full)) files.Add((full, Path.GetFileName(full)));
            else if (full is not null && Directory.Exists(full))
            {
                string parent = Path.GetDirectoryName(full.TrimEnd('/')) ?? _root;
                foreach (var f in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    files.Add((f, Path.GetRelativePath(parent, f)));
            }
            else
            {
                await JsonReply(context.Response, 404, new JsonObject { ["message"] = $"No such file or directory: {source}" });
                return;
            }
        }
        bool zip = spec["zip_required"]?.GetValueKind() == JsonValueKind.True || paths.Count > 1 || files.Count != 1 || files[0].Item2.Contains('/');
        string id = Guid.NewGuid().ToString();
        lock (_lock) _downloads[id] = new Download(files, zip);
        await JsonReply(context.Response, 200, new JsonObject { ["url"] = $"{publicBase}{Prefix}v1/download/{id}" });
    }

    private async Task SendDownloadAsync(HttpListenerContext context, string id, CancellationToken cancel)
    {
        Download? download;
        lock (_lock) _downloads.TryGetValue(id, out download);
        var response = context.Response;
        if (download is null)
        {
            await JsonReply(response, 404, new JsonObject { ["message"] = "no such download" });
            return;
        }
        if (!download.Zip)
        {
            var (full, _) = download.Files[0];
            await SendFileAsync(context, full, cancel);
            return;
        }
        response.StatusCode = 200;
        response.ContentType = "application/zip";
        response.SendChunked = true;
        using var archive = new ZipArchive(response.OutputStream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (full, name) in download.Files)
        {
            var entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
            entry.LastWriteTime = File.GetLastWriteTime(full);
            await using var output = entry.Open();
            await using var input = File.OpenRead(full);
            await input.CopyToAsync(output, cancel);
        }
    }

    /// <summary>One file, from the offset of a <c>Range: bytes=N-</c> request when given (206), so that clients resume.</summary>
    private static async Task SendFileAsync(HttpListenerContext context, string full, CancellationToken cancel)
    {
        var response = context.Response;
        await using var input = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        long start = 0;
        if (context.Request.Headers["Range"] is { } range && range.StartsWith("bytes=", StringComparison.Ordinal)
            && long.TryParse(range[6..].Split('-')[0], out long from) && from > 0 && from < input.Length)
        {
            start = from;
            response.StatusCode = 206;
            response.AddHeader("Content-Range", $"bytes {from}-{input.Length - 1}/{input.Length}");
        }
        else response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = input.Length - start;
        input.Position = start;
        await input.CopyToAsync(response.OutputStream, 1 << 20, cancel);
    }

    private static async Task JsonReply(HttpListenerResponse response, int code, JsonNode body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.StatusCode = code;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }
}
