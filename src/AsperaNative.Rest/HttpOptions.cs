using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Rest;

/// <summary>
/// The manual's <c>--http-options</c> table ("HTTP socket parameters"): socket timeouts of Ruby's
/// Net::HTTP and ascli's own retry and download settings. Times are seconds (Integer or Float).
/// </summary>
public sealed record HttpOptions
{
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(2);
    public string UserAgent { get; init; } = "ascli";
    public string DownloadPartialSuffix { get; init; } = ".http_partial";
    /// <summary>Extra attempts after any failed call (ascli's <c>retry_on_error</c>, 0: none).</summary>
    public int RetryOnError { get; init; }
    /// <summary>Pause between attempts; null is ascli's default of 4 seconds.</summary>
    public TimeSpan? RetrySleep { get; init; }

    public static readonly HttpOptions Default = new();

    /// <summary>Reads the option's hash; unknown keys are reported as ascli does and ignored.</summary>
    public static HttpOptions From(JsonObject? value, Action<string>? unknown = null)
    {
        var result = Default;
        if (value is null) return result;
        foreach (var (key, node) in value)
        {
            result = key switch
            {
                "read_timeout" => result with { ReadTimeout = Seconds(key, node) },
                "write_timeout" => result with { WriteTimeout = Seconds(key, node) },
                "open_timeout" => result with { OpenTimeout = Seconds(key, node) },
                "keep_alive_timeout" => result with { KeepAliveTimeout = Seconds(key, node) },
                "user_agent" => result with { UserAgent = Text(key, node) },
                "download_partial_suffix" => result with { DownloadPartialSuffix = Text(key, node) },
                "retry_on_error" => result with { RetryOnError = RetryCount(node) },
                "retry_sleep" => result with { RetrySleep = node is null ? null : Seconds(key, node) },
                _ => Unknown(result, key, unknown),
            };
        }
        return result;
    }

    private static HttpOptions Unknown(HttpOptions current, string key, Action<string>? report)
    {
        report?.Invoke($"Unknown HTTP session attribute: {key}");
        return current;
    }

    private static TimeSpan Seconds(string key, JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue(out double d)) return TimeSpan.FromSeconds(d);
        if (node is JsonValue s && JsonScalar.TryGetText(s, out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return TimeSpan.FromSeconds(d);
        throw CliException.BadArgument($"http_options: {key}: expecting a number of seconds");
    }

    private static string Text(string key, JsonNode? node)
        => node is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : throw CliException.BadArgument($"http_options: {key}: expecting a String");

    // ascli accepts true (one retry) as well as a count
    private static int RetryCount(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out bool b) => b ? 1 : 0,
        JsonValue v when v.TryGetValue(out int i) => Math.Max(0, i),
        null => 0,
        _ => throw CliException.BadArgument("http_options: retry_on_error: expecting a number"),
    };
}
