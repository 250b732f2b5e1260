using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AsperaNative.Emulators.Faspex5;

/// <summary>An API failure: answered with the Faspex 5 error body.</summary>
public sealed class Faspex5Exception(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>Answers in the shapes of the Faspex 5 API: JSON bodies, error bodies, offset pages.</summary>
internal static class Faspex5Http
{
    public const string IterationTokenHeader = "X-Aspera-Next-Iteration-Token";

    /// <summary>
    /// The Faspex 5 error body (as observed from real servers):
    /// <c>{"status":"Not Found","code":"1005","message":"…","trace":"uuid"}</c>.
    /// </summary>
    public static Task Error(HttpContext ctx, int status, string message)
        => EmulatorHost.Json(ctx, new JsonObject
        {
            ["status"] = ReasonPhrases.GetReasonPhrase(status),
            ["code"] = Code(status),
            ["message"] = message,
            ["trace"] = Guid.NewGuid().ToString(),
        }, status);

    private static string Code(int status) => status switch
    {
        400 => "1002",
        401 => "1003",
        403 => "1004",
        404 => "1005",
        409 => "1006",
        _ => "1000",
    };

    public static Faspex5Exception NotFound(string what) => new(404, $"{what} not found");
    public static Faspex5Exception Forbidden() => new(403, "You do not have permission to perform this action");
    public static Faspex5Exception BadRequest(string message) => new(400, message);

    public static Task Ok(HttpContext ctx, JsonNode? body, int status = 200) => EmulatorHost.Json(ctx, body, status);

    public static Task NoContent(HttpContext ctx)
    {
        ctx.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary>The request body as a JSON object; anything else is a 400.</summary>
    public static async Task<JsonObject> BodyObject(HttpContext ctx, bool optional = false)
    {
        var body = await EmulatorHost.Body(ctx);
        if (body is JsonObject o) return o;
        if (body is null && optional) return [];
        throw BadRequest("Request body must be a JSON object");
    }

    public static int? IntQuery(HttpContext ctx, string name)
    {
        string value = ctx.Request.Query[name].ToString();
        if (value.Length == 0) return null;
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0
            ? n : throw BadRequest($"Invalid value for {name}: {value}");
    }

    /// <summary>
    /// One page of a list: <c>{"&lt;key&gt;":[…],"total_count":N}</c>, honouring <c>offset</c> and <c>limit</c>
    /// (default <paramref name="defaultLimit"/>).
    /// </summary>
    public static JsonObject Page(HttpContext ctx, string key, IReadOnlyList<JsonObject> all, int defaultLimit)
    {
        int offset = IntQuery(ctx, "offset") ?? 0;
        int limit = IntQuery(ctx, "limit") ?? defaultLimit;
        var items = new JsonArray([.. all.Skip(offset).Take(limit).Select(static i => (JsonNode)i.DeepClone())]);
        return new JsonObject { [key] = items, ["total_count"] = all.Count };
    }

    /// <summary>The query parameters, for <see cref="State.EntityCollection.Filter"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string?[]>> QueryPairs(HttpContext ctx)
        => ctx.Request.Query.Select(static q => new KeyValuePair<string, string?[]>(q.Key, q.Value.ToArray()));

    /// <summary>Values of a repeated query parameter (<c>type[]=a&amp;type[]=b</c> or <c>type=a</c>).</summary>
    public static string[] Values(HttpContext ctx, string name)
        => [.. ctx.Request.Query[name + "[]"].Concat(ctx.Request.Query[name]).OfType<string>()];

    public static bool Flag(HttpContext ctx, string name) => ctx.Request.Query[name].ToString() is "true" or "1";

    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string Str(this JsonNode? node, string key) => node?[key]?.ToString() ?? "";

    public static int IntOf(string id) => int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : throw new Faspex5Exception(404, $"Invalid id: {id}");
}
