using AsperaNative.Core.Logging;
using AsperaNative.Rest.Http;

namespace AsperaNative.Rest;

/// <summary>
/// The entry point plugins get (as a service): creates <see cref="RestClient"/>s that share one
/// HTTP stack. Nothing HTTP is built before the first call, so that commands that make no call
/// (e.g. <c>config echo</c>) pay nothing: only the settings delegate is kept.
/// </summary>
public sealed class RestFactory(Func<RestSettings> settings) : IDisposable
{
    private readonly Lock _lock = new();
    private HttpStack? _stack;
    private RestErrorAnalyzer? _errors;

    /// <summary>The error shapes of all calls; plugins add theirs.</summary>
    public RestErrorAnalyzer Errors
    {
        get { lock (_lock) return _errors ??= RestErrorAnalyzer.CreateDefault(); }
    }

    internal HttpStack Stack
    {
        get { lock (_lock) return _stack ??= new HttpStack(settings()); }
    }

    /// <summary>The settings in effect (builds the stack).</summary>
    public RestSettings Settings => Stack.Settings;

    public AppLog Log => Stack.Log;

    /// <summary>
    /// The transport of the stack without its API handlers (TLS policy, certificates, proxies), for a
    /// <c>ClientWebSocket</c> (HTTP Gateway uploads): the upgrade request goes where REST calls go.
    /// </summary>
    public HttpMessageInvoker WebSocketTransport => Stack.Upgrades;

    /// <summary>An API client for <paramref name="baseUrl"/> (trailing slashes and default ports removed, as ascli).</summary>
    public RestClient Create(string baseUrl, ITokenProvider? auth = null, RestClientOptions? options = null)
        => new(this, baseUrl, auth, options ?? RestClientOptions.Default);

    /// <summary>The body of a GET on <paramref name="url"/> as bytes (pictures, archives), streamed through a temporary file.</summary>
    public async Task<byte[]> ReadBytesAsync(string url)
    {
        string file = Path.Combine(Path.GetTempPath(), "ascli_download_" + Guid.NewGuid().ToString("N"));
        try
        {
            await Create(url).CallAsync(new RestRequest("GET", "") { SaveToFile = file });
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        lock (_lock) _stack?.Dispose();
    }
}
