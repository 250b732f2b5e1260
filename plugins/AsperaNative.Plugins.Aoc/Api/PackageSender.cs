using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Aoc.Api;

/// <summary>
/// The creation of a package (<c>packages send</c>, the Faspex 4 gateway): workspace, public link recipient, metadata as a
/// list, recipients resolved (e-mail → contact, created when unknown; name → shared inbox), shared inbox metadata
/// validated, then <c>POST packages</c>.
/// </summary>
public sealed class PackageSender(AocConnection aoc, AocOptions options)
{
    private static readonly string[] RecipientFields = ["recipients", "bcc_recipients"];

    public async Task<JsonObject> CreateAsync(RestClient api, AocWorkspace workspace, JsonObject package, bool? validate = null, JsonObject? newUser = null)
    {
        package = (JsonObject)package.DeepClone();
        if (!package.ContainsKey("workspace_id")) package["workspace_id"] = workspace.Id;
        if (aoc.Link.IsPublic)
        {
            var link = await aoc.UrlTokenAsync();
            string purpose = AocLink.Text(link["purpose"]);
            if (purpose is not ("send_package_to_user" or "send_package_to_dropbox"))
                throw CliException.Assertion($"public link type: expecting one of [\"send_package_to_user\", \"send_package_to_dropbox\"], but have \"{purpose}\"");
            string type = purpose[(purpose.LastIndexOf('_') + 1)..];
            package["recipients"] = new JsonArray(new JsonObject { ["id"] = link["data"]?[$"{type}_id"]?.DeepClone(), ["type"] = type });
            package["workspace_id"] = link["data"]?["workspace_id"]?.DeepClone();
        }
        if (package["metadata"] is JsonObject metadata)
        {
            package["metadata"] = new JsonArray([.. metadata.Select(static kv => (JsonNode)new JsonObject
            {
                ["name"] = kv.Key,
                ["values"] = kv.Value is JsonArray values ? values.DeepClone() : new JsonArray(kv.Value?.DeepClone()),
            })]);
        }
        string wsId = AocLink.Text(package["workspace_id"]);
        foreach (string field in RecipientFields)
        {
            if (package[field] is not { } list) continue;
            if (list is not JsonArray recipients) throw CliException.Assertion($"{field} must be an Array");
            var resolved = new JsonArray();
            foreach (var item in recipients) resolved.Add((JsonNode)await RecipientAsync(api, field, item, wsId, newUser ?? options.NewUserOption));
            package[field] = resolved;
        }
        if ((validate ?? options.ValidateMetadata) != false && package["recipients"] is JsonArray { Count: > 0 } first
            && first[0] is JsonObject r && AocLink.Text(r["type"]) == "dropbox")
            await ValidateMetadataAsync(api, AocLink.Text(r["id"]), package["metadata"]);
        return await api.CreateAsync("packages", package) as JsonObject ?? [];
    }

    /// <summary>
    /// After creation: the package's node (<c>GET nodes/&lt;id&gt;</c>, workspace), AoC told one transfer is expected, and the
    /// upload spec of its contents folder.
    /// </summary>
    public static async Task<JsonObject> UploadSpecAsync(AocConnection aoc, RestClient api, JsonObject created, bool standardPorts)
    {
        string wsId = AocLink.Text(created["workspace_id"]);
        var nodeApi = await aoc.NodeApiAsync(AocLink.Text(created["node_id"]), new AocNodeUse(new AocWorkspace(wsId, "", []), "packages", created));
        await api.UpdateAsync($"packages/{AocLink.Text(created["id"])}", new JsonObject { ["sent"] = true, ["transfers_expected"] = 1 });
        return await NodeApi.Api.Gen4TransferSpec.BuildAsync(nodeApi, AocLink.Text(created["contents_file_id"]), "send", standardPorts);
    }

    private static async Task<JsonObject> RecipientAsync(RestClient api, string field, JsonNode? item, string wsId, JsonObject? newUser)
    {
        switch (item)
        {
            case JsonObject hash:
                if (hash.Count != 2 || !hash.ContainsKey("id") || !hash.ContainsKey("type")) throw CliException.Assertion($"{field} element shall have fields: id and type");
                return (JsonObject)hash.DeepClone();
            case JsonValue v when JsonScalar.TryGetText(v, out string? text):
                if (text.Contains('@'))
                {
                    var found = await api.ReadAsync("contacts", new JsonObject { ["current_workspace_id"] = wsId, ["q"] = text }) as JsonArray ?? [];
                    if (found.FirstOrDefault() is JsonObject contact)
                        return new JsonObject { ["id"] = contact["source_id"]?.DeepClone(), ["type"] = contact["source_type"]?.DeepClone() };
                    var creation = new JsonObject { ["current_workspace_id"] = wsId, ["email"] = text };
                    foreach (var (k, value) in newUser ?? new JsonObject { ["package_contact"] = true }) creation[k] = value?.DeepClone();
                    var made = await api.CreateAsync("contacts", creation) as JsonObject ?? [];
                    return new JsonObject { ["id"] = made["source_id"]?.DeepClone(), ["type"] = made["source_type"]?.DeepClone() };
                }
                var boxes = await api.ReadAsync("dropboxes", new JsonObject { ["current_workspace_id"] = wsId, ["q"] = text }) as JsonArray ?? [];
                var box = boxes.OfType<JsonObject>().FirstOrDefault(b => AocLink.Text(b["name"]) == text)
                    ?? (boxes.Count == 1 ? boxes[0] as JsonObject : null)
                    ?? throw CliException.Runtime($"No such shared inbox in workspace {wsId}");
                return new JsonObject { ["id"] = box["id"]?.DeepClone(), ["type"] = "dropbox" };
            default:
                throw CliException.Runtime($"{field} item must be a String (email, shared inbox) or Hash (id,type)");
        }
    }

    /// <summary>A shared inbox's metadata schema checked on the package's metadata (names known, one per name, mandatory ones present).</summary>
    private static async Task ValidateMetadataAsync(RestClient api, string dropboxId, JsonNode? metadata)
    {
        var box = await api.ReadAsync($"dropboxes/{dropboxId}") as JsonObject ?? [];
        if (box["metadata_schema"] is not JsonArray { Count: > 0 } schema) return;
        if (metadata is not JsonArray given) throw CliException.Assertion("metadata must be an Array");
        var fields = schema.OfType<JsonObject>().ToDictionary(static f => AocLink.Text(f["name"]), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in given)
        {
            if (entry is not JsonObject m || !m.ContainsKey("name") || m["values"] is not JsonArray)
                throw CliException.Assertion("metadata field shall be a Hash with name and values (Array)");
            string name = AocLink.Text(m["name"]);
            if (!fields.ContainsKey(name)) throw CliException.Assertion($"unknown metadata field: {name}");
            if (!seen.Add(name)) throw CliException.Assertion($"only one field with name {name} allowed");
        }
        foreach (var (name, field) in fields)
            if (field["required"] is JsonValue req && req.TryGetValue(out bool required) && required && !seen.Contains(name))
                throw CliException.Assertion($"missing mandatory field: {name}");
    }
}
