using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;

namespace AsperaNative.Rest.Entities;

/// <summary>The generic commands of an entity (ascli's <c>entity_action</c>)</summary>
[CommandGroup("entity")]
internal sealed class EntityCommands(Entity entity, CommandOptions options, PluginContext context)
{
    /// <summary>Create {name} (bulk with --bulk=yes)</summary>
    [Command("create")]
    public Task<Result> Create([Argument("parameters for create", Name = "params", Bulk = true, Types = "Hash")] JsonNode parameters)
        => BulkAsync("create", parameters, entity.Fields, async p => await entity.Api.CreateAsync(entity.Path, p) as JsonObject);

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
            await entity.Api.DeleteAsync(entity.ItemPath(resolved), Query());
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
        string resolved = await Resolve(id);
        JsonNode body = options.Property is { } property ? new JsonObject { [property] = parameters.DeepClone() } : parameters;
        await entity.Api.UpdateAsync(entity.ItemPath(resolved), body);
        return Result.Status("modified");
    }

    /// <summary>Show one {name} (id or %name:)</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("identifier", Name = "id", Bulk = true, Types = "String")] JsonNode id)
        => Result.SingleObject(await entity.Api.ReadAsync(entity.ItemPath(await Resolve(id))) as JsonObject ?? [], entity.Fields);

    private static readonly IReadOnlyDictionary<string, string> AcceptJson = new Dictionary<string, string> { ["Accept"] = "application/json" };

    private async Task<string> Resolve(JsonNode? id) => await entity.ResolveAsync(id is JsonValue v && v.TryGetValue(out string? s) ? s : id?.ToJsonString() ?? "", context.ExtendedValues);

    /// <summary>ascli's <c>query_read_delete</c>: <c>--query</c> as given (a Hash or an Array of pairs).</summary>
    private JsonNode? Query()
    {
        var query = options.Query;
        if (query is not null and not JsonObject and not JsonArray)
            throw CliException.BadArgument("Query must be an extended value (Hash, Array) which can be encoded with URI.encode_www_form. Refer to manual. (undefined method `map' for an instance of String)");
        return query?.DeepClone();
    }

    /// <summary>
    /// ascli's <c>do_bulk_operation</c>: one value, or with <c>--bulk=yes</c> each of a list, each giving a row
    /// with its status (<c>created</c>, <c>deleted</c>); with <c>--bfail=no</c> a failure is its row's status.
    /// </summary>
    private async Task<Result> BulkAsync(string command, JsonNode values, IReadOnlyList<string>? fields, Func<JsonNode, Task<JsonObject?>> action)
    {
        bool bulk = options.Bulk == true;
        var items = bulk ? (JsonArray)values : new JsonArray(values.DeepClone());
        if (bulk && items.Count == 0) CoreServices.Log(context).Warn("Empty list given for bulk operation");
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var row = new JsonObject { [entity.IdField] = item?.DeepClone() };
            try
            {
                if (await action(item!) is { } result) row = result;
                row["status"] = command + (command.EndsWith('e') ? "d" : "ed");
            }
            catch (CliException e) when (options.Bfail == false)
            {
                row["status"] = e.Message;
            }
            rows.Add((JsonNode)row);
        }
        string[] statusFields = [entity.IdField, "status"];
        if (bulk) return Result.ObjectList(rows, statusFields);
        return Result.SingleObject((JsonObject)rows[0]!, fields ?? (command == "create" ? null : statusFields));
    }
}
