using System.Text.RegularExpressions;

namespace AsperaNative.Core.Commands;

/// <summary>The address rules the detectors of ascli share (see <see cref="IApplicationDetector"/>).</summary>
public static partial class ApplicationProbe
{
    /// <summary>Whether the address starts with a scheme (<c>^[a-z]{1,6}://</c>); a bare host name has none.</summary>
    public static bool HasScheme(string address) => Scheme().IsMatch(address);

    /// <summary>The address as a URL: <c>https://</c> added when it has no scheme.</summary>
    public static string Https(string address) => HasScheme(address) ? address : "https://" + address;

    /// <summary>The URL, then the URL with the product's standard path (<c>/aspera/faspex</c>) unless it already ends with it.</summary>
    public static IEnumerable<string> WithStandardPath(string url, string standardPath)
    {
        yield return url;
        if (!url.EndsWith(standardPath, StringComparison.Ordinal)) yield return url + standardPath;
    }

    /// <summary>The HTTPS candidates of an address: as given (<c>https://</c> added to a bare host) and with the standard path.</summary>
    public static IEnumerable<string> HttpsCandidates(string address, string standardPath)
        => WithStandardPath(Https(address), standardPath).Where(static u => u.StartsWith("https://", StringComparison.Ordinal));

    /// <summary>The part of a called URL before its <paramref name="endpoint"/> (and the slash before it): the product's base URL.</summary>
    public static string Before(string calledUrl, string endpoint)
    {
        int at = calledUrl.IndexOf(endpoint, StringComparison.Ordinal);
        return at > 0 ? calledUrl[..(at - 1)] : calledUrl;
    }

    /// <summary>
    /// Probes the candidates in order: the first product found wins; when none is found and a probe failed, the last
    /// failure is thrown (the address could not be checked), as ascli's detectors do.
    /// </summary>
    public static async Task<DetectedApplication?> FirstAsync(IEnumerable<string> candidates, Func<string, Task<DetectedApplication?>> probe)
    {
        Exception? failure = null;
        foreach (var candidate in candidates)
        {
            try
            {
                if (await probe(candidate) is { } found) return found;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e;
            }
        }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return null;
    }

    /// <summary>ascli's check of a user name that must be an e-mail address (JWT wizards).</summary>
    public static bool IsEmailAddress(string text) => EmailAddress().IsMatch(text);

    [GeneratedRegex(@"\A[A-Za-z0-9_+\-.]+@[a-z\d\-.]+\.[a-z]+\z", RegexOptions.IgnoreCase)]
    private static partial Regex EmailAddress();

    [GeneratedRegex("^[a-z]{1,6}://")]
    private static partial Regex Scheme();
}
