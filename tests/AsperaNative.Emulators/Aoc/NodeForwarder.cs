using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Aoc;

/// <summary>
/// Node hosts of the organization (e.g. <c>node-eu.ibmaspera.com</c>) are tunnelled to the AoC host by
/// the CONNECT proxy; this forwards their requests to the real node emulator and copies the answer
/// back (status, headers, body), with <c>Link</c> headers rewritten to the public host.
/// </summary>
internal sealed class NodeForwarder : IDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Proxy-Connection", "Upgrade", "Content-Length",
    };

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
    });

    /// <summary>Public host name → node emulator base URL.</summary>
    public Dictionary<string, string> Nodes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Handles(HttpContext ctx) => Nodes.ContainsKey(ctx.Request.Host.Host);

    public async Task Forward(HttpContext ctx)
    {
        string publicHost = ctx.Request.Host.Host, target = Nodes[publicHost];
        using var request = new HttpRequestMessage(new HttpMethod(ctx.Request.Method), target + ctx.Request.Path + ctx.Request.QueryString);
        if (ctx.Request.ContentLength > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            body.Position = 0;
            request.Content = new StreamContent(body);
        }
        foreach (var (name, values) in ctx.Request.Headers)
        {
            if (HopHeaders.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values)) request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ctx.RequestAborted);
        ctx.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (HopHeaders.Contains(name)) continue;
            var list = values.ToArray();
            if (name.Equals("Link", StringComparison.OrdinalIgnoreCase))
                list = [.. list.Select(l => l.Replace(new Uri(target).Authority, publicHost, StringComparison.Ordinal))];
            ctx.Response.Headers[name] = list;
        }
        await response.Content.CopyToAsync(ctx.Response.Body, ctx.RequestAborted);
    }

    public void Dispose() => _client.Dispose();
}
