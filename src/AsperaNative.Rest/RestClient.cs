using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest.Http;

namespace AsperaNative.Rest;

/// <summary>
/// One product API: JSON calls below a base URL through the shared stack. Failed responses are
/// turned into <see cref="RestCallException"/> by the error analyser, transport failures into
/// ascli's messages (<see cref="ConnectionErrors"/>).
/// </summary>
public sealed partial class RestClient
{
    private readonly RestFactory _factory;

    internal RestClient(RestFactory factory, string baseUrl, ITokenProvider? auth, RestClientOptions options)
    {
        _factory = factory;
        BaseUrl = NormalizeBaseUrl(baseUrl);
        Auth = auth;
        Options = options;
    }

    /// <summary>The API root: no trailing slash, no default port (as ascli builds it).</summary>
    public string BaseUrl { get; }
    public ITokenProvider? Auth { get; }
    public RestClientOptions Options { get; }
    public RestFactory Factory => _factory;

    /// <summary>The same API with another authorization.</summary>
    public RestClient WithAuth(ITokenProvider? auth) => new(_factory, BaseUrl, auth, Options);

    /// <summary>An API below this one (<c>base/subpath</c>), same authorization.</summary>
    public RestClient Below(string subpath) => new(_factory, Join(BaseUrl, subpath), Auth, Options);

    public static string NormalizeBaseUrl(string url)
    {
        url = url.TrimEnd('/');
        if (url.StartsWith("https://", StringComparison.Ordinal) && url.EndsWith(":443", StringComparison.Ordinal)) url = url[..^4];
        if (url.StartsWith("http://", StringComparison.Ordinal) && url.EndsWith(":80", StringComparison.Ordinal)) url = url[..^3];
        return url;
    }

    private static string Join(string baseUrl, string subpath) => subpath is "" or "/" ? baseUrl : baseUrl + "/" + subpath.TrimStart('/');

    public Task<JsonNode?> ReadAsync(string subpath, JsonNode? query = null, CancellationToken cancel = default)
        => DataAsync(new RestRequest("GET", subpath) { Query = query, Headers = AcceptJson }, cancel);

    public Task<JsonNode?> CreateAsync(string subpath, JsonNode? body, CancellationToken cancel = default)
        => DataAsync(new RestRequest("POST", subpath) { Json = body, Headers = AcceptJson }, cancel);

    public Task<JsonNode?> UpdateAsync(string subpath, JsonNode? body, CancellationToken cancel = default)
        => DataAsync(new RestRequest("PUT", subpath) { Json = body, Headers = AcceptJson }, cancel);

    public Task<JsonNode?> DeleteAsync(string subpath, JsonNode? query = null, CancellationToken cancel = default)
        => DataAsync(new RestRequest("DELETE", subpath) { Query = query, Headers = AcceptJson }, cancel);

    // synchronous forms for command methods that return Result directly (a console app has no synchronization context)
    public JsonNode? Read(string subpath, JsonNode? query = null) => ReadAsync(subpath, query).GetAwaiter().GetResult();
    public JsonNode? Create(string subpath, JsonNode? body) => CreateAsync(subpath, body).GetAwaiter().GetResult();
    public JsonNode? Update(string subpath, JsonNode? body) => UpdateAsync(subpath, body).GetAwaiter().GetResult();
    public JsonNode? Delete(string subpath, JsonNode? query = null) => DeleteAsync(subpath, query).GetAwaiter().GetResult();
    public RestResponse Call(RestRequest request) => CallAsync(request).GetAwaiter().GetResult();

    private static readonly IReadOnlyDictionary<string, string> AcceptJson = new Dictionary<string, string> { ["Accept"] = "application/json" };

    private async Task<JsonNode?> DataAsync(RestRequest request, CancellationToken cancel) => (await CallAsync(request, cancel)).Data;

    /// <summary>The full URL of a call, query included.</summary>
    public string UrlOf(string subpath, JsonNode? query = null) => RestQuery.Append(Join(BaseUrl, subpath), RestQuery.Encode(query));

    /// <summary>Sends the call, following redirects up to the API's limit; throws on error unless asked not to.</summary>
    public async Task<RestResponse> CallAsync(RestRequest request, CancellationToken cancel = default)
    {
        string url = UrlOf(request.Subpath, request.Query);
        var auth = request.NoAuth ? null : Auth;
        for (int redirects = Options.RedirectMax; ; redirects--)
        {
            var response = await SendAsync(request, url, auth, cancel);
            response.Url = url;
            var context = new RestErrorContext(response.Status, response.Reason, new Uri(url).Authority, response.Data);
            var messages = _factory.Errors.Analyze(context);
            if (messages.Count == 0) return response;
            if (response.Status is >= 300 and < 400 && redirects > 0 && response.Header("Location") is { } location)
            {
                // ascli re-creates the API on the new location, without its authorization
                var current = new Uri(url);
                url = RestQuery.Append(location.StartsWith('/') ? $"{current.Scheme}://{current.Authority}{location}" : location, RestQuery.Encode(request.Query));
                auth = null;
                continue;
            }
            if (request.ThrowOnError) throw new RestCallException(messages, response.Status, response.Reason, response.Data, context.Host);
            return response;
        }
    }

    private async Task<RestResponse> SendAsync(RestRequest request, string url, ITokenProvider? auth, CancellationToken cancel)
    {
        var stack = _factory.Stack;
        var uri = new Uri(url);
        if (uri.Scheme is not ("http" or "https"))
            throw CliException.Assertion($"URI scheme: expecting one of [\"http\", \"https\"], not {uri.Scheme}");
        using var message = BuildMessage(request, uri, auth, stack.Settings.Http.UserAgent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(stack.Settings.Http.ReadTimeout);
        try
        {
            using var response = await stack.Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return await ReadResponseAsync(request, response, stack, timeout, cancel);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested) { throw ConnectionErrors.ReadTimeout(); }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Security.Authentication.AuthenticationException)
        {
            var target = stack.ProxyFor(uri) ?? uri;
            throw ConnectionErrors.From(e, target.Host, target.Port, stack.Tls);
        }
    }

    private HttpRequestMessage BuildMessage(RestRequest request, Uri uri, ITokenProvider? auth, string userAgent)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method.ToUpperInvariant()), uri);
        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        message.Content = BuildContent(request);
        foreach (var headers in new[] { Options.Headers, request.Headers })
        {
            if (headers is null) continue;
            foreach (var (name, value) in headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && message.Content is not null)
                    message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                else { message.Headers.Remove(name); message.Headers.TryAddWithoutValidation(name, value); }
            }
        }
        if (auth is not null) message.Options.Set(RequestOptions.Auth, auth);
        message.Options.Set(RequestOptions.NotAuthCodes, [.. Options.NotAuthCodes]);
        message.Options.Set(RequestOptions.Retryable, request.Multipart is null);
        if (request.SaveToFile is { } file && File.Exists(file + _factory.Stack.Settings.Http.DownloadPartialSuffix))
            message.Headers.Range = new RangeHeaderValue(new FileInfo(file + _factory.Stack.Settings.Http.DownloadPartialSuffix).Length, null);
        return message;
    }

    private static HttpContent? BuildContent(RestRequest request)
    {
        if (request.Json is not null) return Bytes(RestJson.Generate(request.Json), "application/json");
        if (request.Form is not null) return Bytes(RestQuery.EncodePairs(request.Form), "application/x-www-form-urlencoded");
        if (request.Text is not null) return Bytes(request.Text, request.TextContentType);
        if (request.Multipart is not null) return Multipart(request.Multipart);
        return null;
    }

    // exact bytes and content type (no charset parameter added), as Net::HTTP sends them
    private static ByteArrayContent Bytes(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static MultipartFormDataContent Multipart(IReadOnlyList<MultipartPart> parts)
    {
        var content = new MultipartFormDataContent();
        foreach (var part in parts)
        {
            if (part.FilePath is { } path)
            {
                var file = new StreamContent(File.OpenRead(path));
                file.Headers.ContentType = MediaTypeHeaderValue.Parse(part.ContentType);
                content.Add(file, part.Name, part.FileName ?? Path.GetFileName(path));
            }
            else content.Add(new StringContent(part.Value ?? ""), part.Name);
        }
        return content;
    }
}
