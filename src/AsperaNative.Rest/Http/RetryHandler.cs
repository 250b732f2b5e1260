using AsperaNative.Core.Logging;

namespace AsperaNative.Rest.Http;

/// <summary>
/// ascli's retries: any failed status up to <c>retry_on_error</c> more times (none by default), pausing
/// <c>retry_sleep</c> seconds (4 by default). A 503 is not retried on its own: ascli 4.21.1 reports it at once
/// (recorded: Orchestrator health on a 503 page makes one request).
/// </summary>
internal sealed class RetryHandler(HttpOptions options, AppLog log) : DelegatingHandler
{
    private static readonly TimeSpan DefaultSleep = TimeSpan.FromSeconds(4);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        bool retryable = !request.Options.TryGetValue(RequestOptions.Retryable, out var r) || r;
        int onError = retryable ? options.RetryOnError : 0;
        while (true)
        {
            var response = await base.SendAsync(request, cancel);
            int status = (int)response.StatusCode;
            if (status < 400 || onError <= 0) return response;
            onError--;
            log.Debug(() => $"retrying {request.Method} {request.RequestUri} after {status}");
            response.Dispose();
            var sleep = options.RetrySleep ?? DefaultSleep;
            if (sleep > TimeSpan.Zero) await Task.Delay(sleep, cancel);
        }
    }
}
