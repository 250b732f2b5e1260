namespace AsperaNative.Rest.Http;

/// <summary>Per-request settings carried to the handlers in <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class RequestOptions
{
    public static readonly HttpRequestOptionsKey<ITokenProvider> Auth = new("ascli.auth");
    /// <summary>Statuses meaning the token was refused (ascli's <c>not_auth_codes</c>), 401 by default.</summary>
    public static readonly HttpRequestOptionsKey<int[]> NotAuthCodes = new("ascli.not_auth_codes");
    /// <summary>False for streamed bodies that cannot be sent twice.</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("ascli.retryable");
}
