using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Httpgw;

/// <summary>
/// An IBM Aspera HTTP Gateway on 127.0.0.1 over HTTPS (self-signed), below <c>{prefix}/aspera/http-gwy</c>:
/// <c>v1/info</c> without authentication (what <c>ascli httpgw info|health</c> and the httpgw agent read first),
/// upload web sockets <c>v1/upload</c> and <c>v2/upload</c> (acknowledging each message as the gateway does),
/// <c>v1/download</c> and <c>v1/download/{id}</c> (one file with ranges, or a zip). Files go to a folder; transfer
/// specs must carry one of <see cref="Tokens"/>. What the client sent is recorded message by message.
/// Unknown paths answer the gateway's <c>{"message":"Not Found"}</c> with 404.
/// </summary>
public sealed class HttpgwEmulator : IAsyncDisposable
{
    public const string GatewayPath = "/aspera/http-gwy";

    private readonly string _prefix;
    private EmulatorHost _host = null!;
    private readonly Dictionary<string, (List<(string Full, string Name)> Files, bool Zip)> _downloads = [];

    public EmulatorHost Http => _host;
    /// <summary>The gateway root, e.g. <c>https://127.0.0.1:P/aspera/http-gwy</c> (or below the prefix).</summary>
    public string Url => _host.Url + _prefix + GatewayPath;
    /// <summary>The server URL without the gateway path (what users often give as <c>--url</c>).</summary>
    public string ServerUrl => _host.Url + _prefix;
    /// <summary>Where uploads go and downloads come from.</summary>
    public string Storage { get; }
    /// <summary>Answer of <c>v1/info</c>; change it to emulate other gateway versions (e.g. no <c>/v2/upload</c>: clients fall back to v1).</summary>
    public JsonObject Info { get; set; }
    /// <summary>When set, <c>info</c> fails with this status and the gateway's <c>{"message"}</c> body.</summary>
    public (int Status, string Message)? InfoFailure { get; set; }
    public HashSet<string> Tokens { get; } = ["Bearer ok"];
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

    private HttpgwEmulator(string storage, string prefix)
    {
        Storage = storage;
        _prefix = prefix.TrimEnd('/');
        Info = DefaultInfo(_prefix + GatewayPath);
    }

    /// <summary>Starts a gateway (HTTPS, as the product requires) storing files in <paramref name="storage"/> (a new temporary folder when null), optionally below <paramref name="prefix"/> (e.g. <c>/gw</c>).</summary>
    public static async Task<HttpgwEmulator> StartAsync(string? storage = null, string prefix = "")
    {
        storage = Path.GetFullPath(storage ?? Path.Combine(Path.GetTempPath(), "httpgw-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(storage);
        var emulator = new HttpgwEmulator(storage, prefix);
        emulator._host = await EmulatorHost.StartAsync(emulator.Map, https: true);
        return emulator;
    }

    /// <summary>The info of a 2.x gateway supporting upload API v1 and v2.</summary>
    public static JsonObject DefaultInfo(string gatewayPath) => new()
    {
        ["version"] = "2.3.0",
        ["download_endpoint"] = gatewayPath + "/v1/download",
        ["upload_endpoint"] = gatewayPath + "/v1/upload",
        ["endpoints"] = new JsonArray("/v1/download", "/v1/upload", "/v2/upload"),
        ["max_upload_size"] = 0,
        ["clock_skew_tolerance_secs"] = 300,
    };

    private bool Announces(string endpoint) => Info["endpoints"] is JsonArray list && list.Any(e => e?.ToString() == endpoint);

    private void Map(WebApplication app)
    {
        string root = _prefix + GatewayPath;
        app.UseWebSockets();
        app.MapGet(root + "/v1/info", ctx => InfoFailure is { } failure
            ? GatewayError(ctx, failure.Status, failure.Message)
            : EmulatorHost.Json(ctx, Info.DeepClone()));
        app.Map(root + "/{version}/upload", async (HttpContext ctx, string version) =>
        {
            if (!ctx.WebSockets.IsWebSocketRequest || !Announces($"/{version}/upload")) { await GatewayError(ctx, 404, "Not Found"); return; }
            using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
            await UploadAsync(socket, version == "v2");
        });
        app.MapPost(root + "/v1/download", PrepareAsync);
        app.MapGet(root + "/v1/download/{id}", (HttpContext ctx, string id) => SendAsync(ctx, id));
        app.MapFallback(ctx => GatewayError(ctx, 404, "Not Found"));
    }

    private static Task GatewayError(HttpContext ctx, int status, string message)
        => EmulatorHost.Json(ctx, new JsonObject { ["message"] = message }, status);

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
        await EmulatorHost.Json(ctx, new JsonObject { ["url"] = $"{Url}/v1/download/{id}" });
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
