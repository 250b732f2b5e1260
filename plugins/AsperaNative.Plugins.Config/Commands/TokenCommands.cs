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
internal sealed class TokenCommands
{
    /// <summary>Delete all cached OAuth tokens</summary>
    [Command("flush")]
    public static Result Flush(CommandContext context)
        => Result.ValueList(new JsonArray([.. Cache(context).Flush().Select(static f => (JsonNode?)JsonValue.Create(f))]), "file");

    /// <summary>List cached OAuth tokens</summary>
    [Command("list")]
    public static Result List(CommandContext context) => Result.ObjectList(TokenInfo.List(Cache(context)));

    /// <summary>Show information on one cached OAuth token</summary>
    [Command("show")]
    public static Result Show(CommandContext context)
    {
        string id = context.Args.NextString("token id");
        return Result.SingleObject(TokenInfo.Show(Cache(context), id) ?? throw CliException.BadArgument($"No such token: {id}"));
    }

    /// <summary>The cache registered by the composition root, else the one of the configuration folder.</summary>
    private static TokenCache Cache(CommandContext context)
    {
        if (context.Plugin.TryGetService<TokenCache>() is { } cache) return cache;
        var global = new GlobalOptions(context.Plugin.Options);
        string folder = global.Home ?? Path.Combine(context.Plugin.ExtendedValues.HomeFolder, ".aspera", "ascli");
        return TokenCache.ForConfigFolder(folder, global.CacheTokens != false);
    }
}
