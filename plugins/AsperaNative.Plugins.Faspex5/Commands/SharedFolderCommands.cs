// Faspex 5 shared folders visible to the user ({url}/api/v5/shared_folders) and their browsing on the node
// (nodes/<node_id>/shared_folders/<id>/browse, iteration tokens). docs/products/faspex5.md §5.7.
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Faspex5.Commands;

/// <summary>Shared folders visible to the user</summary>
[CommandGroup("faspex5 shared_folders")]
internal sealed class SharedFolderCommands(Faspex5Plugin plugin, CommandOptions options)
{
    /// <summary>List shared folders</summary>
    [Command("list")]
    public async Task<Result> List() => Result.ObjectList(await AllAsync());

    /// <summary>Browse a shared folder</summary>
    [Command("browse")]
    public async Task<Result> Browse([Argument("identifier", Name = "id")] string id, [Argument("folder path", Name = "path")] string folder = "/")
    {
        var all = await AllAsync();
        JsonNode? wanted = JsonValue.Create(id);
        if (plugin.Selector(id) is { } s)
        {
            var matches = all.OfType<JsonObject>().Where(i => Same(i[s.Field], s.Value)).ToList();
            if (matches.Count == 0) throw CliException.Runtime($"no match for {s.Field} = {RubyToS.Of(s.Value)}");
            if (matches.Count > 1) throw CliException.Runtime($"multiple matches for {s.Field} = {RubyToS.Of(s.Value)}");
            wanted = matches[0]["id"];
        }
        // type-strict, as ascli: a plain id argument is a String and never equals a numeric id
        var shared = all.OfType<JsonObject>().FirstOrDefault(i => Same(i["id"], wanted))
            ?? throw CliException.Runtime($"No such shared folder id {RubyToS.Of(wanted)}");
        string node = Faspex5Plugin.Text(shared["node_id"]);
        return Result.ObjectList((await plugin.ApiAsync()).Browse($"nodes/{node}/shared_folders/{Faspex5Plugin.Text(wanted)}/browse", folder, options.Query));
    }

    private static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b) && ArgumentBinderKind(a) == ArgumentBinderKind(b);

    private static string ArgumentBinderKind(JsonNode? n) => Core.Commands.ArgumentBinder.RubyClass(n);

    private async Task<JsonArray> AllAsync()
        => (await (await plugin.ApiAsync()).Rest.ReadAsync("shared_folders"))?["shared_folders"] as JsonArray ?? [];
}
