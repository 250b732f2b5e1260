namespace AsperaNative.Rest.Http;

/// <summary>
/// Sets the <c>Authorization</c> header from the request's token provider (unless the caller set
/// one), and on a refused token asks the provider to renew it and sends once more.
/// </summary>
internal sealed class AuthHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        if (!request.Options.TryGetValue(RequestOptions.Auth, out var auth) || request.Headers.Authorization is not null)
            return await base.SendAsync(request, cancel);
        request.Headers.TryAddWithoutValidation("Authorization", await auth.GetAuthorizationAsync(false, cancel));
        var response = await base.SendAsync(request, cancel);
        int[] notAuth = request.Options.TryGetValue(RequestOptions.NotAuthCodes, out var codes) ? codes : [401];
        bool retryable = !request.Options.TryGetValue(RequestOptions.Retryable, out var r) || r;
        if (!auth.Renewable || !retryable || !notAuth.Contains((int)response.StatusCode)) return response;
        response.Dispose();
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", await auth.GetAuthorizationAsync(true, cancel));
        return await base.SendAsync(request, cancel);
    }
}
