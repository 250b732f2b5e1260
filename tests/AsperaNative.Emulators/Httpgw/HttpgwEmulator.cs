using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Httpgw;

/// <summary>
/// An IBM Aspera HTTP Gateway on 127.0.0.1 over HTTPS (self-signed), below <c>/aspera/http-gwy</c>: <c>v1/info</c>,
/// upload web sockets <c>v1/upload</c> and <c>v2/upload</c> (acknowledging each message as the gateway does),
/// <c>v1/download</c> and <c>v1/download/{id}</c> (one file with ranges, or a zip). Files go to a folder; transfer
/// specs must carry one of <see cref="Tokens"/>. What the client sent is recorded message by message.
/// </summary>
public sealed class HttpgwEmulator : IAsyncDisposable
{
    public const string BasePath = "/aspera/http-gwy";

    private readonly EmulatorHost _host;
    private readonly Dictionary<string, (List<(string Full, string Name)> Files, bool Zip)> _downloads = [];

    public string Storage { get; }
    public string Url => _host.Url;
    public HashSet<string> Tokens { get; } = ["Bearer ok"];
    /// <summary>Endpoints announced by <c>v1/info</c> (remove v2 to see clients fall back to v1).</summary>
    public List<string> Endpoints { get; } = ["/v1/info", "/v1/upload", "/v2/upload", "/v1/download"];
    /// <summary>Delay before each acknowledgement (clients in synchronous mode wait for them).</summary>
    public TimeSpan AckDelay { get; set; }
    /// <summary>After this many messages, answer with this error (JSON, or base64 of it between quotes).</summary>
    public (int AfterMessages, string Message, bool Base64)? FailUpload { get; set; }
    /// <summary>Serve only this many bytes of a download, then drop the connection (resume tests).</summary>
    public long? CutDownloadAt { get; set; }
    /// <summary>Messages received on upload sockets: <c>transfer_spec</c>, <c>slice_upload</c>, <c>binary:N</c>, <c>close</c>.</summary>
    public List<string> Received { get; } = [];
    /// <summary>Greatest number of messages received and not yet acknowledged, seen when a message arrived.</summary>
    public int MaxUnacknowledged { get; private set; }
    public JsonObject? LastSpec { get; private set; }
    /// <summary><c>Range</c> headers of download requests (empty string when none).</summary>
    public List<string> DownloadRanges { get; } = [];

    private HttpgwEmulator(string storage, EmulatorHost host)
    {
        Storage = storage;
        _host = host;
    }

    public static async Task<HttpgwEmulator> StartAsync(string storage)
    {
        HttpgwEmulator? self = null;
        var host = await EmulatorHost.StartAsync(app =>
        {
            app.UseWebSockets();
            app.MapGet(BasePath + "/v1/info", (HttpContext ctx) => EmulatorHost.Json(ctx, new JsonObject { ["version"] = "2.3.1", ["endpoints"] = new JsonArray([.. self!.Endpoints.Select(static e => (JsonNode?)e)]) }));
            app.Map(BasePath + "/{version}/upload", async (HttpContext ctx, string version) =>
            {
                if (!ctx.WebSockets.IsWebSocketRequest || !self!.Endpoints.Contains($"/{version}/upload")) { ctx.Response.StatusCode = 404; return; }
                using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
                await self.UploadAsync(socket, version == "v2");
            });
            app.MapPost(BasePath + "/v1/download", async (HttpContext ctx) => await self!.PrepareAsync(ctx));
            app.MapGet(BasePath + "/v1/download/{id}", async (HttpContext ctx, string id) => await self!.SendAsync(ctx, id));
        });
        self = new HttpgwEmulator(Path.GetFullPath(storage), host);
        Directory.CreateDirectory(storage);
        return self;
    }

    private string Inside(string? folder, string name)
    {
        string full = Path.GetFullPath(Path.Combine(Storage, (folder ?? "").TrimStart('/'), name.TrimStart('/')));
        if (!full.StartsWith(Storage, StringComparison.Ordinal)) throw new InvalidOperationException("outside of storage");
        return full;
    }

    private void Record(string what, int unacknowledged)
    {
        lock (Received)
        {
            Received.Add(what);
            MaxUnacknowledged = Math.Max(MaxUnacknowledged, unacknowledged);
        }
    }

    private async Task UploadAsync(WebSocket socket, bool v2)
    {
        var acks = new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true };
        var pending = System.Threading.Channels.Channel.CreateUnbounded<string>(acks);
        int unacknowledged = 0;
        // acknowledgements go out in order, each after AckDelay, while messages keep coming
        var sender = Task.Run(async () =>
        {
            await foreach (var ack in pending.Reader.ReadAllAsync())
            {
                if (AckDelay > TimeSpan.Zero) await Task.Delay(AckDelay);
                await socket.SendAsync(Encoding.UTF8.GetBytes(ack), WebSocketMessageType.Text, true, CancellationToken.None);
                Interlocked.Decrement(ref unacknowledged);
            }
        });
        void Ack(string text) { Interlocked.Increment(ref unacknowledged); pending.Writer.TryWrite(text); }
        var buffer = new byte[1 << 20];
        var message = new MemoryStream();
        string? destination = null;
        FileStream? file = null;
        int index = -1, count = 0;
        try
        {
            while (true)
            {
                var r = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (r.MessageType == WebSocketMessageType.Close) { Record("close", unacknowledged); break; }
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                count++;
                if (FailUpload is { } fail && count > fail.AfterMessages)
                {
                    string error = new JsonObject { ["message"] = fail.Message }.ToJsonString();
                    if (fail.Base64) error = "\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(error)) + "\"";
                    pending.Writer.TryWrite(error);
                    break;
                }
                if (r.MessageType == WebSocketMessageType.Binary)
                {
                    Record($"binary:{message.Length}", unacknowledged);
                    await file!.WriteAsync(message.GetBuffer().AsMemory(0, (int)message.Length));
                    message.SetLength(0);
                    Ack("end upload");
                    continue;
                }
                var json = (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length))!;
                message.SetLength(0);
                if (json["transfer_spec"] is JsonObject spec)
                {
                    Record("transfer_spec", unacknowledged);
                    LastSpec = spec;
                    if (!Tokens.Contains(spec["token"]?.ToString() ?? "")) { pending.Writer.TryWrite("{\"message\":\"invalid token\"}"); break; }
                    destination = spec["destination_root"]?.ToString() ?? "/";
                    Ack("end upload");
                    continue;
                }
                var slice = (JsonObject)json["slice_upload"]!;
                Record("slice_upload", unacknowledged);
                int fileIndex = (int)slice["fileIndex"]!;
                string target = Inside(destination, slice["name"]!.ToString());
                if (v2)
                {
                    if (file is not null && fileIndex == index)
                    {
                        await file.DisposeAsync();
                        file = null;
                    }
                    else
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        file = File.Create(target);
                        index = fileIndex;
                    }
                    Ack("end_slice_upload");
                    continue;
                }
                if ((long)slice["slice"]! == 0)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    file = File.Create(target);
                }
                await file!.WriteAsync(Convert.FromBase64String(slice["data"]!.ToString()));
                if ((long)slice["slice"]! == (long)slice["total_slices"]! - 1) { await file.DisposeAsync(); file = null; }
                Ack("end upload");
            }
        }
        finally
        {
            if (file is not null) await file.DisposeAsync();
            pending.Writer.Complete();
            await sender;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
    }

    private async Task PrepareAsync(HttpContext ctx)
    {
        var body = await JsonNode.ParseAsync(ctx.Request.Body);
        var spec = (JsonObject)body!["transfer_spec"]!;
        LastSpec = spec;
        if (!Tokens.Contains(spec["token"]?.ToString() ?? "")) { await EmulatorHost.Json(ctx, new JsonObject { ["message"] = "invalid token" }, 401); return; }
        var files = new List<(string, string)>();
        foreach (var p in spec["paths"]!.AsArray())
        {
            string full = Inside(spec["source_root"]?.ToString(), p!["source"]!.ToString());
            if (Directory.Exists(full))
                foreach (var f in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    files.Add((f, Path.GetRelativePath(Path.GetDirectoryName(full)!, f)));
            else files.Add((full, Path.GetFileName(full)));
        }
        bool zip = (bool?)spec["zip_required"] == true || spec["paths"]!.AsArray().Count > 1;
        string id = Guid.NewGuid().ToString();
        lock (_downloads) _downloads[id] = (files, zip);
        await EmulatorHost.Json(ctx, new JsonObject { ["url"] = $"{Url}{BasePath}/v1/download/{id}" });
    }

    private async Task SendAsync(HttpContext ctx, string id)
    {
        (List<(string Full, string Name)> Files, bool Zip) d;
        lock (_downloads) d = _downloads[id];
        if (d.Zip)
        {
            ctx.Response.ContentType = "application/zip";
            var memory = new MemoryStream();
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var (full, name) in d.Files) zip.CreateEntryFromFile(full, name, CompressionLevel.Fastest);
            ctx.Response.ContentLength = memory.Length;
            memory.Position = 0;
            await memory.CopyToAsync(ctx.Response.Body);
            return;
        }
        var (path, _) = d.Files[0];
        lock (DownloadRanges) DownloadRanges.Add(ctx.Request.Headers.Range.ToString());
        long length = new FileInfo(path).Length, start = 0;
        if (ctx.Request.Headers.Range.ToString() is { Length: > 6 } range && range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            start = long.Parse(range[6..].Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
            ctx.Response.StatusCode = 206;
            ctx.Response.Headers.ContentRange = $"bytes {start}-{length - 1}/{length}";
        }
        ctx.Response.ContentType = "application/octet-stream";
        ctx.Response.ContentLength = length - start;
        await using var input = File.OpenRead(path);
        input.Position = start;
        if (CutDownloadAt is { } cut && start == 0 && cut < length)
        {
            var head = new byte[cut];
            await input.ReadExactlyAsync(head);
            await ctx.Response.Body.WriteAsync(head);
            await ctx.Response.Body.FlushAsync();
            ctx.Abort();
            return;
        }
        await input.CopyToAsync(ctx.Response.Body);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
