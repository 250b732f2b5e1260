using AsperaNative.Core.Values;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Httpgw;

/// <summary>
/// <c>--transfer-info</c> of the HTTP Gateway agent (manual "Agent: HTTP Gateway"): <c>url</c> of the gateway
/// (else the one the application announces), <c>api_version</c> of uploads (<c>v2</c>: binary frames, <c>v1</c>:
/// base64 in JSON), <c>upload_chunk_size</c> in bytes, <c>synchronous</c> (wait for each acknowledgement).
/// </summary>
public sealed record HttpgwOptions
{
    public const string ApiV1 = "v1";
    public const string ApiV2 = "v2";

    public required string Url { get; init; }
    public string ApiVersion { get; init; } = ApiV2;
    public int UploadChunkSize { get; init; } = 64_000;
    public bool Synchronous { get; init; }

    /// <summary>Reads the parameters as ascli's keyword arguments: unknown keys and a missing <c>url</c> are Ruby's ArgumentError.</summary>
    public static HttpgwOptions From(JsonObject info, Func<string>? announcedUrl = null)
    {
        string? url = null;
        string version = ApiV2;
        int chunk = 64_000;
        bool synchronous = false;
        var unknown = new List<string>();
        foreach (var (key, value) in info)
        {
            switch (key)
            {
                case "url": url = value is null ? null : RubyToS.Of(value); break;
                case "api_version": version = RubyToS.Of(value); break;
                case "upload_chunk_size":
                    if (value is not JsonValue v || !RubyValues.IsInteger(v)) throw CliException.Assertion($"upload_chunk_size: expecting Integer, but have {RubyToS.Of(value)}");
                    chunk = (int)RubyValues.ToDouble(v);
                    if (chunk <= 0) throw CliException.Assertion("upload_chunk_size: must be positive");
                    break;
                case "synchronous":
                    synchronous = value?.GetValueKind() switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False or null => false,
                        _ => throw CliException.Assertion($"synchronous: expecting boolean, but have {RubyToS.Of(value)}"),
                    };
                    break;
                // progress is given by ascli to every agent
                case "progress": break;
                default: unknown.Add(key); break;
            }
        }
        if (unknown.Count > 0)
            throw CliException.Other("ArgumentError", $"unknown keyword{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(static k => ":" + k))}");
        url ??= announcedUrl?.Invoke();
        if (url is null) throw CliException.Other("ArgumentError", "missing keyword: :url");
        return new HttpgwOptions { Url = url, ApiVersion = version, UploadChunkSize = chunk, Synchronous = synchronous };
    }
}
