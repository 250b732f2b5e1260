using AsperaNative.Core.Logging;
using System.Net.Http.Headers;
using System.Text;

namespace AsperaNative.Rest.Http;

/// <summary>
/// <c>--log-level=debug</c>: one line per call (method, URL, status); <c>trace2</c>: the full
/// request and response, secrets redacted unless <c>--log-secrets=yes</c>.
/// </summary>
internal sealed class LoggingHandler(AppLog log, bool logSecrets) : DelegatingHandler
{
    private const int MaxDumpedBody = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        if (!log.Debugging) return await base.SendAsync(request, cancel);
        if (log.Tracing) log.Trace2(() => Dump($"> {request.Method} {request.RequestUri} HTTP/{request.Version}", request.Headers, request.Content, BodyText(request.Content)));
        var response = await base.SendAsync(request, cancel);
        log.Debug(() => $"{request.Method} {request.RequestUri} -> {(int)response.StatusCode} {response.ReasonPhrase}");
        if (log.Tracing)
        {
            string? body = IsText(response.Content) ? await LoadText(response.Content, cancel) : null;
            log.Trace2(() => Dump($"< HTTP/{response.Version} {(int)response.StatusCode} {response.ReasonPhrase}", response.Headers, response.Content, body));
        }
        return response;
    }

    private string Dump(string first, HttpHeaders headers, HttpContent? content, string? body)
    {
        var sb = new StringBuilder(first).Append('\n');
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = headers;
        if (content is not null) all = all.Concat(content.Headers);
        foreach (var (name, values) in all)
            foreach (var value in values) sb.Append(name).Append(": ").Append(logSecrets ? value : Redactor.Header(name, value)).Append('\n');
        if (body is not null) sb.Append('\n').Append(logSecrets ? body : Redactor.Body(body));
        else if (content is not null) sb.Append("\n(binary body)");
        return sb.ToString();
    }

    private static string? BodyText(HttpContent? content)
        => content is ByteArrayContent && IsText(content) ? content.ReadAsStringAsync().GetAwaiter().GetResult() : null;

    // buffers the body so that the caller can still read it
    private static async Task<string?> LoadText(HttpContent content, CancellationToken cancel)
    {
        if (content.Headers.ContentLength is > MaxDumpedBody) return $"({content.Headers.ContentLength} bytes)";
        await content.LoadIntoBufferAsync(cancel);
        return await content.ReadAsStringAsync(cancel);
    }

    private static bool IsText(HttpContent? content)
    {
        string? type = content?.Headers.ContentType?.MediaType;
        return type is null || type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal)
            || type.Contains("xml", StringComparison.Ordinal) || type == "application/x-www-form-urlencoded";
    }
}
