// Faspex 4 API gateway in front of Faspex 5 (ascli's Faspex4GWServlet): a Faspex 4 client's
// POST /aspera/faspex/send becomes POST packages and packages/<id>/transfer_spec/upload on Faspex 5 ({url}/api/v5).
// docs/products/faspex5.md §5.8.
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;
using AsperaNative.Plugins.Faspex5.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Faspex5.Servers;

/// <summary>Answers Faspex 4 package creations with a Faspex 5 package and its upload transfer spec.</summary>
public sealed class Faspex4Gateway(Faspex5Api api, AppLog log)
{
    public const string SendPath = "/aspera/faspex/send";

    public async Task<WebAnswer> HandleAsync(WebRequest request, CancellationToken cancel)
    {
        if (request.Path != SendPath) return WebAnswer.Of(400, new JsonObject { ["error"] = "Unsupported endpoint" });
        try
        {
            if (request.Body is null) throw new FormatException("no payload");
            var delivery = JsonNode.Parse(request.Body)?["delivery"] as JsonObject ?? throw new FormatException("undefined method '[]' for nil");
            var recipients = new JsonArray();
            foreach (var name in delivery["recipients"] as JsonArray ?? []) recipients.Add((JsonNode)new JsonObject { ["name"] = name?.DeepClone() });
            var package = await api.Rest.CreateAsync("packages", new JsonObject
            {
                ["title"] = delivery["title"]?.DeepClone(),
                ["note"] = delivery["note"]?.DeepClone(),
                ["recipients"] = recipients,
            }, cancel);
            var spec = (await api.Rest.CallAsync(new RestRequest("POST", $"packages/{Faspex5Plugin.Text(package?["id"])}/transfer_spec/upload")
            {
                Headers = Faspex5Api.AcceptJson,
                Query = new JsonObject { ["transfer_type"] = "connect" },
                Json = new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["destination"] = "/" }) },
            }, cancel)).Data as JsonObject ?? [];
            spec.Remove("authentication");
            var result = new JsonObject { ["links"] = new JsonObject { ["status"] = "unused" }, ["xfer_sessions"] = new JsonArray(spec) };
            log.Info($"faspex_package_create_result={result.ToJsonString()}");
            return WebAnswer.Of(200, result);
        }
        catch (Exception e) when (e is CliException or JsonException or FormatException)
        {
            log.Error(e.Message);
            return WebAnswer.Of(500, new JsonObject { ["error"] = e.Message, ["stacktrace"] = new JsonArray() });
        }
    }
}
