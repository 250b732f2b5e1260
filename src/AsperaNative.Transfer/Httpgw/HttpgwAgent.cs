using AsperaNative.Core.Values;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Httpgw;

/// <summary>
/// The HTTP Gateway agent (<c>--transfer=httpgw</c>, manual "Agent: HTTP Gateway"), for IBM Aspera HTTP Gateway
/// (API below <c>/aspera/http-gwy</c>: <c>v1/info</c>, <c>v1/download</c>, web sockets <c>v1/upload</c> and
/// <c>v2/upload</c>). Only token-authorized transfer specs (those applications issue) are accepted. Uploads go
/// over the web socket: the transfer spec, then each file in <c>upload_chunk_size</c> slices (v2: binary frames
/// between two <c>slice_upload</c> delimiters; v1: base64 in each <c>slice_upload</c>). Downloads are prepared by
/// the gateway (<c>download</c>) then fetched over HTTPS into <c>destination_root</c>: one file as is, several
/// as a zip; an interrupted download resumes from its partial file. SIGINT and SIGTERM stop the transfer.
/// </summary>
[TransferAgent(Name)]
public sealed class HttpgwAgent(HttpgwOptions options, RestFactory rest, TransferLog log) : ITransferAgent
{
    public const string Name = "httpgw";

    /// <summary>The agent of <c>--transfer-info</c>; its <c>url</c> defaults to the gateway the application announces.</summary>
    public static ITransferAgent Create(TransferAgentRequest request)
        => new HttpgwAgent(HttpgwOptions.From(request.Info, TransferServices.Runner(request.Context).HttpgwUrl), RestServices.Rest(request.Context), request.Log);
    public const string BasePath = "/aspera/http-gwy";

    /// <summary>The gateway's root URL (below which are v1 and v2), as ascli normalizes it.</summary>
    public string RootUrl { get; } = NormalizeUrl(options.Url);

    /// <summary>
    /// ascli's rules: a scheme is added when missing; https only (here plain http is also accepted on the loopback
    /// interface, where the node simulator serves the gateway); trailing slashes and <c>/v1</c> are removed; the
    /// gateway's base path is appended unless present.
    /// </summary>
    public static string NormalizeUrl(string url)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(url, "^[a-z]{1,6}://")) url = "https://" + url;
        if (!url.StartsWith("https://", StringComparison.Ordinal) && !(url.StartsWith("http://", StringComparison.Ordinal) && IsLoopback(url)))
            throw CliException.Runtime("GW URL shall be with scheme https");
        url = url.TrimEnd('/');
        if (url.EndsWith("/" + HttpgwOptions.ApiV1, StringComparison.Ordinal)) url = url[..^3];
        if (!url.EndsWith(BasePath, StringComparison.Ordinal)) url += BasePath;
        return url;
    }

    private static bool IsLoopback(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.IsLoopback || u.Host == "localhost");

    public async Task<IReadOnlyList<SessionStatus>> TransferAsync(JsonObject spec, ITransferListener listener, Func<string>? tokenRegenerator, CancellationToken cancel)
    {
        spec = (JsonObject)spec.DeepClone();
        if (spec["paths"] is not JsonArray) throw CliException.Assertion($"paths: expecting Array, but have {RubyValues.ClassName(spec["paths"])}");
        if (spec["token"] is not JsonValue t || !JsonScalar.TryGetText(t, out string? _)) throw CliException.Assertion("only token based transfer is supported in GW");
        spec["authentication"] ??= "token";
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; interrupt.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; interrupt.Cancel(); });
        var api = rest.Create(RootUrl + "/" + HttpgwOptions.ApiV1);
        try
        {
            switch (RubyToS.Of(spec["direction"]))
            {
                case TransferRunner.DirectionSend: await UploadAsync(api, spec, listener, interrupt.Token); break;
                case TransferRunner.DirectionReceive: await DownloadAsync(api, spec, listener, interrupt.Token); break;
                case var d: throw CliException.Runtime($"direction: unexpected value: {d}");
            }
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return [new SessionStatus(new Errors.TransferException("transfer interrupted by user"))];
        }
        return [SessionStatus.Ok];
    }

    /// <summary>The gateway's <c>info</c>, and the upload API version it supports (v1 when it lists no endpoint of the wanted one).</summary>
    private async Task<string> UploadVersionAsync(RestClient api, CancellationToken cancel)
    {
        var info = await api.ReadAsync("info", cancel: cancel);
        log.Debug($"gw info: {info?.ToJsonString()}");
        string version = options.ApiVersion;
        if (version != HttpgwOptions.ApiV1 && !(info?["endpoints"] as JsonArray ?? []).Any(e => RubyToS.Of(e).Contains(version, StringComparison.Ordinal)))
        {
            log.Warn($"API version {version} not supported, reverting to {HttpgwOptions.ApiV1}");
            version = HttpgwOptions.ApiV1;
        }
        return version;
    }

    private sealed record FileToSend(string? Path, FauxFile? Faux, string Name, long Size);

    /// <summary>
    /// The files of <c>paths</c> (below <c>source_root</c>): faux files, files (sent under the name of their
    /// <c>destination</c> if given), folders (their files, named by their path from the folder's parent). The
    /// spec's <c>paths</c> become the names the gateway writes.
    /// </summary>
    private static List<FileToSend> FilesToSend(JsonObject spec)
    {
        string prefix = spec["source_root"] is JsonValue r && RubyToS.Of(r) is { Length: > 0 } root ? root + "/" : "";
        var files = new List<FileToSend>();
        foreach (var item in spec["paths"]!.AsArray().OfType<JsonObject>())
        {
            string source = prefix + RubyToS.Of(item["source"]);
            if (FauxFile.Create(source) is { } faux)
            {
                files.Add(new FileToSend(null, faux, faux.Path, faux.Size));
            }
            else if (File.Exists(source))
            {
                string name = Path.GetFileName(item["destination"] is { } d ? RubyToS.Of(d) : source);
                files.Add(new FileToSend(source, null, name, new FileInfo(source).Length));
            }
            else if (Directory.Exists(source))
            {
                string folder = Path.GetFullPath(source).TrimEnd('/');
                string parent = Path.GetDirectoryName(folder) ?? "/";
                foreach (var f in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal))
                    files.Add(new FileToSend(f, null, Path.GetRelativePath(parent, f), new FileInfo(f).Length));
            }
            else
            {
                throw CliException.Runtime($"File not found: {source}");
            }
        }
        spec["paths"] = new JsonArray([.. files.Select(static f => (JsonNode)new JsonObject { ["source"] = f.Name })]);
        return files;
    }

    private async Task UploadAsync(RestClient api, JsonObject spec, ITransferListener listener, CancellationToken cancel)
    {
        string session = Guid.NewGuid().ToString();
        listener.OnProgress(new ProgressEvent(ProgressKind.PreStart, null, Info: "starting"));
        var files = FilesToSend(spec);
        long total = files.Sum(static f => f.Size);
        string version = await UploadVersionAsync(api, cancel);
        var url = new UriBuilder($"{RootUrl}/{version}/upload");
        url.Scheme = url.Scheme == Uri.UriSchemeHttp ? "ws" : "wss";
        listener.OnProgress(new ProgressEvent(ProgressKind.PreStart, null, Info: "connecting wss"));
        await using var socket = await GatewaySocket.ConnectAsync(url.Uri, rest.WebSocketTransport, options.Synchronous, log, cancel);
        listener.OnProgress(new ProgressEvent(ProgressKind.SessionStart, session));
        listener.OnProgress(new ProgressEvent(ProgressKind.SessionSize, session, total));
        await socket.SendJsonAsync("transfer_spec", spec, delimiter: false, cancel);
        bool v1 = version == HttpgwOptions.ApiV1;
        int chunk = options.UploadChunkSize;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(chunk);
        long sent = 0;
        try
        {
            for (int index = 0; index < files.Count; index++)
            {
                var file = files[index];
                // an empty file is one empty slice (so that the gateway creates it)
                long slices = Math.Max(1, (file.Size + chunk - 1) / chunk);
                await using var input = file.Faux?.Open() ?? new FileStream(file.Path!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                for (long slice = 0; slice < slices; slice++)
                {
                    int length = await ReadChunkAsync(input, buffer, chunk, cancel);
                    var info = new JsonObject
                    {
                        ["name"] = file.Name,
                        ["type"] = "application/octet-stream",
                        ["size"] = file.Size,
                        ["slice"] = slice,
                        ["total_slices"] = slices,
                        ["fileIndex"] = index,
                    };
                    if (v1)
                    {
                        info["data"] = Convert.ToBase64String(buffer, 0, length);
                        await socket.SendJsonAsync("slice_upload", info, delimiter: false, cancel);
                    }
                    else
                    {
                        if (slice == 0) await socket.SendJsonAsync("slice_upload", info, delimiter: true, cancel);
                        await socket.SendBinaryAsync(buffer.AsMemory(0, length), cancel);
                        if (slice == slices - 1) await socket.SendJsonAsync("slice_upload", (JsonObject)info.DeepClone(), delimiter: true, cancel);
                    }
                    sent += length;
                    listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, session, sent));
                }
            }
            await socket.CompleteAsync(cancel);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, session, sent));
        listener.OnProgress(new ProgressEvent(ProgressKind.End, session));
    }

    private static async Task<int> ReadChunkAsync(Stream input, byte[] buffer, int chunk, CancellationToken cancel)
    {
        int length = 0;
        while (length < chunk)
        {
            int n = await input.ReadAsync(buffer.AsMemory(length, chunk - length), cancel);
            if (n == 0) break;
            length += n;
        }
        return length;
    }

    /// <summary>
    /// The gateway prepares the download (<c>download</c> with the spec: <c>zip_required</c>, <c>source_root</c>,
    /// <c>download_name</c> defaulted as ascli does), then the file (or zip) is fetched into <c>destination_root</c>.
    /// </summary>
    private async Task DownloadAsync(RestClient api, JsonObject spec, ITransferListener listener, CancellationToken cancel)
    {
        listener.OnProgress(new ProgressEvent(ProgressKind.PreStart, null, Info: "starting"));
        var paths = spec["paths"]!.AsArray();
        if (paths.Count == 0) throw CliException.Runtime("no file to download");
        spec["zip_required"] ??= false;
        spec["source_root"] ??= "/";
        string first = RubyToS.Of(paths[0]?["source"]);
        if (!spec.ContainsKey("download_name"))
        {
            string name = Path.GetFileNameWithoutExtension(first.TrimEnd('/'));
            if (paths.Count > 1) name += $" {paths.Count} Files";
            spec["download_name"] = name;
        }
        var creation = await api.CreateAsync("download", new JsonObject { ["transfer_spec"] = spec.DeepClone() }, cancel);
        string created = creation?["url"]?.ToString() ?? throw CliException.Runtime("no download url in answer of gateway");
        string uuid = created.TrimEnd('/').Split('/')[^1];
        bool zip = RubyValues.IsTrue(spec["zip_required"]) || paths.Count > 1;
        string fileName = zip ? RubyToS.Of(spec["download_name"]) + ".zip" : Path.GetFileName(first.TrimEnd('/'));
        string destination = spec["destination_root"] is { } d ? RubyToS.Of(d) : ".";
        string target = Path.Combine(destination, fileName);
        string session = uuid;
        var progress = new SaveProgress(listener, session);
        listener.OnProgress(new ProgressEvent(ProgressKind.SessionStart, session));
        var response = await api.CallAsync(new RestRequest("GET", $"download/{uuid}") { SaveToFile = target, SaveProgress = progress }, cancel);
        // a single folder comes as a zip too: named so (ascli would keep the folder's bare name)
        if (!zip && response.ContentType == "application/zip" && File.Exists(target))
        {
            File.Move(target, target + ".zip", overwrite: true);
            target += ".zip";
        }
        listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, session, progress.Saved));
        listener.OnProgress(new ProgressEvent(ProgressKind.End, session));
        log.Debug($"downloaded: {target}");
    }

    /// <summary>Download progress into the transfer listener (the size first, then the bytes saved).</summary>
    private sealed class SaveProgress(ITransferListener listener, string session) : IProgress<(long Saved, long? Total)>
    {
        public long Saved { get; private set; }

        public void Report((long Saved, long? Total) value)
        {
            Saved = value.Saved;
            if (value.Total is { } total) listener.OnProgress(new ProgressEvent(ProgressKind.SessionSize, session, total));
            listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, session, value.Saved));
        }
    }
}
