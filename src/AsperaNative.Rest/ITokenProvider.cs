namespace AsperaNative.Rest;

/// <summary>
/// Gives the <c>Authorization</c> header value of a request (<c>Basic …</c>, <c>Bearer …</c>).
/// When the server rejects it (401), the stack asks again with <c>renew</c> so that
/// an OAuth provider refreshes or regenerates its token, then retries once.
/// </summary>
public interface ITokenProvider
{
    ValueTask<string> GetAuthorizationAsync(bool renew, CancellationToken cancel);

    /// <summary>True when asking again can give a different value (OAuth), so a 401 is worth a retry.</summary>
    bool Renewable { get; }
}

/// <summary>A fixed header value: HTTP Basic, a given bearer token, Faspex 5 <c>boot</c>.</summary>
public sealed class StaticAuthorization(string value) : ITokenProvider
{
    public string Value { get; } = value;
    public bool Renewable => false;
    public ValueTask<string> GetAuthorizationAsync(bool renew, CancellationToken cancel) => ValueTask.FromResult(Value);

    /// <summary>HTTP Basic (RFC 7617) of user and password, UTF-8.</summary>
    public static StaticAuthorization Basic(string user, string password)
        => new("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password)));

    /// <summary>A bearer token; a value already starting with <c>Bearer </c> is kept.</summary>
    public static StaticAuthorization Bearer(string token)
        => new(token.StartsWith("Bearer ", StringComparison.Ordinal) ? token : "Bearer " + token);
}
