using System.Text.Json.Nodes;
using AsperaNative.Auth;
using AsperaNative.Auth.Cache;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config tokens</c>: the OAuth token cache of the persistency folder (manual, "Configuration and Persistency Folder").</summary>
[CommandGroup("config tokens")]
internal sealed class TokenCommands(TokenCache cache)
{
    /// <summary>Delete all cached OAuth tokens</summary>
    [Command("flush")]
    public Result Flush()
        => Result.ValueList(new JsonArray([.. cache.Flush().Select(static f => (JsonNode?)JsonValue.Create(f))]), "file");

    /// <summary>List cached OAuth tokens</summary>
    [Command("list")]
    public Result List() => Result.ObjectList(TokenInfo.List(cache));

    /// <summary>Show information on one cached OAuth token</summary>
    [Command("show")]
    public Result Show([Argument("identifier", Name = "id")] string id)
    {
        return Result.SingleObject(TokenInfo.Show(cache, id) ?? throw CliException.BadArgument($"No such token: {id}"));
    }

}
