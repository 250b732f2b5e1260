using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AsperaNative.Core.Files;
using AsperaNative.Rest.Http;

namespace AsperaNative.Rest;

/// <summary>Reading responses: JSON parsing, and streaming downloads through a partial file.</summary>
public sealed partial class RestClient
{
    private const int BufferSize = 64 * 1024;

    private static async Task<RestResponse> ReadResponseAsync(RestRequest request, HttpResponseMessage response, HttpStack stack, CancellationTokenSource timeout, CancellationToken cancel)
    {
        var headers = Headers(response);
        string? mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        int status = (int)response.StatusCode;
        string reason = response.ReasonPhrase ?? "";
        if (request.SaveToFile is { } file && response.IsSuccessStatusCode && !RestJson.IsJson(mediaType))
        {
            await SaveAsync(response, file, stack, timeout, request.SaveProgress, cancel);
            return new RestResponse(status, reason, headers, mediaType, "", null);
        }
        if (request.ListingPage && RestJson.IsJson(mediaType) && request.SaveToFile is null
            && response.Content.Headers.ContentType?.CharSet is null or "utf-8" or "UTF-8")
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var (buffer, length) = await Paging.PageJson.ReadPooledAsync(body, response.Content.Headers.ContentLength, timeout.Token);
            try { return new RestResponse(status, reason, headers, mediaType, "", length == 0 ? null : Paging.PageJson.Parse(buffer.AsMemory(0, length))); }
            finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
        }
        string text = await response.Content.ReadAsStringAsync(timeout.Token);
        JsonNode? data = text.Length == 0 ? null : RestJson.IsJson(mediaType) ? RestJson.Parse(text) : JsonValue.Create(text);
        // a JSON answer asked for as a file is already in memory: replaced in one step
        if (request.SaveToFile is { } target && response.IsSuccessStatusCode) AtomicFile.WriteAllText(target, text);
        return new RestResponse(status, reason, headers, mediaType, text, data);
    }

    private static Dictionary<string, string[]> Headers(HttpResponseMessage response)
    {
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers) result[name] = [.. values];
        foreach (var (name, values) in response.Content.Headers) result[name] = [.. values];
        return result;
    }

    /// <summary>
    /// Writes to <c>file + download_partial_suffix</c>, renamed when complete: an interrupted
    /// download leaves the partial file, which the next call resumes (206 to a Range request);
    /// so not <see cref="AtomicFile"/>, whose temporary file never outlives a failure.
    /// A Content-Disposition file name replaces the target's name (its base name only: no path from the server).
    /// </summary>
    private static async Task SaveAsync(HttpResponseMessage response, string file, HttpStack stack, CancellationTokenSource timeout, IProgress<(long Saved, long? Total)>? progress, CancellationToken cancel)
    {
        string suffix = stack.Settings.Http.DownloadPartialSuffix;
        string requested = file + suffix;
        string target = file;
        if (DispositionName(response.Content.Headers.ContentDisposition) is { } name)
            target = Path.Combine(Path.GetDirectoryName(file) ?? "", name);
        string partial = target + suffix;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(partial))!);
        bool resume = response.StatusCode == System.Net.HttpStatusCode.PartialContent && File.Exists(requested);
        if (resume && requested != partial) File.Move(requested, partial, overwrite: true);
        stack.Log.Debug(() => $"saving to: {target}{(resume ? " (resuming)" : "")}");
        await using (var output = new FileStream(partial, resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        await using (var input = await response.Content.ReadAsStreamAsync(cancel))
        {
            long saved = output.Length;
            progress?.Report((saved, response.Content.Headers.ContentLength is { } length ? saved + length : null));
            var buffer = new byte[BufferSize];
            while (true)
            {
                // the read timeout applies to each read, not to the whole download
                timeout.CancelAfter(stack.Settings.Http.ReadTimeout);
                int read = await input.ReadAsync(buffer, timeout.Token);
                if (read == 0) break;
                await output.WriteAsync(buffer.AsMemory(0, read), cancel);
                saved += read;
                progress?.Report((saved, null));
            }
        }
        File.Move(partial, target, overwrite: true);
    }

    private static string? DispositionName(ContentDispositionHeaderValue? disposition)
    {
        string? name = disposition?.FileNameStar ?? disposition?.FileName;
        if (name is null) return null;
        name = Path.GetFileName(name.Trim('"'));
        return name is "" or "." ? null : name;
    }
}
