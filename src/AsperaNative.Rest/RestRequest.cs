using System.Text.Json.Nodes;

namespace AsperaNative.Rest;

/// <summary>How an API is reached: default headers, redirects followed, statuses meaning "token refused".</summary>
public sealed record RestClientOptions
{
    public static readonly RestClientOptions Default = new();
    /// <summary>Headers added to every call of this API.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    /// <summary>Redirections followed (3XX with a Location), 0 by default as ascli.</summary>
    public int RedirectMax { get; init; }
    /// <summary>Statuses after which an OAuth token is renewed and the call retried.</summary>
    public IReadOnlyList<int> NotAuthCodes { get; init; } = [401];
}

/// <summary>One file or value of a multipart/form-data body.</summary>
public sealed record MultipartPart(string Name)
{
    /// <summary>A form field's value.</summary>
    public string? Value { get; init; }
    /// <summary>A file to stream as this part.</summary>
    public string? FilePath { get; init; }
    /// <summary>The file name announced (the file's own name by default).</summary>
    public string? FileName { get; init; }
    public string ContentType { get; init; } = "application/octet-stream";
}

/// <summary>
/// One call: method, path below the API's base URL, query (Hash, Array of pairs or String, see
/// <see cref="RestQuery"/>), and at most one body kind.
/// </summary>
public sealed record RestRequest(string Method, string Subpath = "")
{
    public JsonNode? Query { get; init; }
    /// <summary>A JSON body (<c>application/json</c>).</summary>
    public JsonNode? Json { get; init; }
    /// <summary>A form body (<c>application/x-www-form-urlencoded</c>), pairs in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>>? Form { get; init; }
    /// <summary>A text body with its content type (e.g. SOAP XML).</summary>
    public string? Text { get; init; }
    public string TextContentType { get; init; } = "text/plain";
    public IReadOnlyList<MultipartPart>? Multipart { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    /// <summary>Streams a successful non-JSON body to this file (through a partial file, resumed if present).</summary>
    public string? SaveToFile { get; init; }
    /// <summary>With <see cref="SaveToFile"/>: called with the size of the whole file once known (resumed bytes included), then with the bytes saved so far.</summary>
    public IProgress<(long Saved, long? Total)>? SaveProgress { get; init; }
    /// <summary>False to get failed responses back instead of an exception.</summary>
    public bool ThrowOnError { get; init; } = true;
    /// <summary>Leaves the API's authorization out (public endpoints, token creation).</summary>
    public bool NoAuth { get; init; }
    /// <summary>
    /// A page of a listing: its JSON body is parsed from its bytes item by item (<see cref="Paging.PageJson"/>),
    /// with no text copy (the response's <c>Text</c> is then empty).
    /// </summary>
    public bool ListingPage { get; init; }
}
