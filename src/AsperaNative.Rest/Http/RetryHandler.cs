using AsperaNative.Core.Logging;
using System.Net;

namespace AsperaNative.Rest.Http;

/// <summary>
/// ascli's retries: a 503 (service unavailable, seen on AoC) is retried once, any failed status
/// up to <c>retry_on_error</c> more times, pausing <c>retry_sleep</c> seconds (4 by default).
/// </summary>
internal sealed class RetryHandler(HttpOptions options, AppLog log) : DelegatingHandler
{
    private static readonly TimeSpan DefaultSleep = TimeSpan.FromSeconds(4);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        bool retryable = !request.Options.TryGetValue(RequestOptions.Retryable, out var r) || r;
        int onError = retryable ? options.RetryOnError : 0;
        int onUnavailable = retryable ? 1 : 0;
        while (true)
        {
            var response = await base.SendAsync(request, cancel);
            int status = (int)response.StatusCode;
            bool unavailable = response.StatusCode == HttpStatusCode.ServiceUnavailable && onUnavailable > 0;
            bool failed = status >= 400 && onError > 0;
            if (!unavailable && !failed) return response;
            if (unavailable) onUnavailable--; else onError--;
            log.Debug(() => $"retrying {request.Method} {request.RequestUri} after {status}");
            response.Dispose();
            var sleep = options.RetrySleep ?? DefaultSleep;
            if (sleep > TimeSpan.Zero) await Task.Delay(sleep, cancel);
        }
    }
}
