using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Rest.Entities;

/// <summary>The generic commands of an entity (ascli's <c>entity_action</c>)</summary>
[CommandGroup("entity")]
internal sealed class EntityCommands(Entity entity, CommandOptions options, PluginContext context)
{
    /// <summary>Create {name} (bulk with --bulk=yes)</summary>
    [Command("create")]
    public Task<Result> Create([Argument("parameters for create", Name = "params", Bulk = true, Types = "Hash")] JsonNode parameters)
        => BulkAsync("create", parameters, entity.CreateFields ?? entity.Fields, async p => Created(await entity.Api.CreateAsync(entity.CreatePath ?? entity.Path, p)));

    /// <summary>The created item: the answer, or its first element when the API answers an array of it (faspio gateway, as ascli works around it).</summary>
    private static JsonObject? Created(JsonNode? answer) => answer switch
    {
        JsonObject o => o,
        JsonArray { Count: > 0 } a when a[0] is JsonObject first => (JsonObject)first.DeepClone(),
        _ => null,
    };

    /// <summary>Delete {name} (bulk with --bulk=yes)</summary>
    [Command("delete")]
    public async Task<Result> Delete([Argument("identifier", Name = "id", Bulk = true, Types = "String")] JsonNode id)
    {
        if (entity.DeleteStyle is { } key)
        {
            var ids = id as JsonArray ?? new JsonArray((JsonNode?)JsonValue.Create(await Resolve(id)));
            await entity.Api.CallAsync(new RestRequest("DELETE", entity.Path) { Json = new JsonObject { [key] = ids.DeepClone() }, Headers = AcceptJson });
            return Result.Status("deleted");
        }
        return await BulkAsync("delete", id, null, async one =>
        {
            string resolved = await Resolve(one);
            // ascli's delete is always on path/id, even for entities whose show and modify take the id as argument
            await entity.Api.DeleteAsync($"{entity.Path}/{resolved}", Query());
            return new JsonObject { [entity.IdField] = resolved };
        });
    }

    /// <summary>List {name} (filter with --query)</summary>
    [Command("list")]
    public async Task<Result> List()
    {
        if (entity.List is { } list) return await list(Query(), CancellationToken.None);
        var response = await entity.Api.CallAsync(new RestRequest("GET", entity.Path) { Query = Query(), Headers = AcceptJson });
        if (response.Status == 204) return Result.Empty;
        var data = response.Data;
        if (response.ContentType?.StartsWith("application/vnd.api+json", StringComparison.Ordinal) == true) data = data?[entity.Path];
        long? total = null;
        if (entity.ItemListKey is { } itemKey)
        {
            total = data?["total_count"] is JsonValue t && t.TryGetValue(out long n) ? n : null;
            data = data?[itemKey];
        }
        return data switch
        {
            JsonObject o => Result.SingleObject(o, entity.Fields),
            JsonArray a when a.Count == 0 || a[0] is JsonObject => Result.ObjectList(a, entity.Fields, total),
            JsonArray a => Result.ValueList(a, "id"),
            _ => throw CliException.Runtime($"An error occurred: unexpected result type for list: {ArgumentBinder.RubyClass(data)}"),
        };
    }

    /// <summary>Modify {name}</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("identifier", Name = "id", Bulk = true, Types = "String")] JsonNode id, [Argument("parameters for modify", Name = "params", Types = "Hash")] JsonNode parameters)
    {
        JsonNode body = options.Property is { } property ? new JsonObject { [property] = parameters.DeepClone() } : parameters;
        if (entity.BulkModify)
        {
            return await BulkAsync("modify", id, null, async one =>
            {
                string each = await Resolve(one);
                await entity.Api.UpdateAsync(entity.ItemPath(each), body);
                return new JsonObject { [entity.IdField] = each };
            });
        }
        string resolved = await Resolve(id);
        await entity.Api.UpdateAsync(entity.ItemPath(resolved), body);
        return Result.Status("modified");
    }

    /// <summary>Show one {name} (id or %name:)</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("identifier", Name = "id", Bulk = true, Types = "String")] JsonNode id)
    {
        var item = await entity.Api.ReadAsync(entity.ItemPath(await Resolve(id))) as JsonObject ?? [];
        return Result.SingleObject(item, entity.ShowFields?.Invoke(item) ?? entity.Fields);
    }

    private static readonly IReadOnlyDictionary<string, string> AcceptJson = new Dictionary<string, string> { ["Accept"] = "application/json" };

    private async Task<string> Resolve(JsonNode? id) => await entity.ResolveAsync(id is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : id?.ToJsonString() ?? "", context.ExtendedValues);

    /// <summary>ascli's <c>query_read_delete</c>: <c>--query</c> as given (a Hash or an Array of pairs).</summary>
    private JsonNode? Query()
    {
        var query = options.Query;
        if (query is not null and not JsonObject and not JsonArray)
            throw CliException.BadArgument("Query must be an extended value (Hash, Array) which can be encoded with URI.encode_www_form. Refer to manual. (undefined method `map' for an instance of String)");
        return query?.DeepClone();
    }

    private Task<Result> BulkAsync(string command, JsonNode values, IReadOnlyList<string>? fields, Func<JsonNode, Task<JsonObject?>> action)
        => BulkOperation.RunAsync(options, context, command, values, action, entity.IdField, fields, statusFields: command != "create");
}
