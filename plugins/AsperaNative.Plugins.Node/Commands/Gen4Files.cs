using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.NodeApi.Api;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>Gen4 arguments: a file given by path below the access key's top folder, or by <c>%id:&lt;file_id&gt;</c>.</summary>
internal static class Gen4Files
{
    public static readonly string[] BrowseFields = ["name", "type", "recursive_size", "size", "modified_time", "access_level"];

    /// <summary>The file id of the next argument (path or <c>%id:</c> selector).</summary>
    public static async Task<string> NextFileIdAsync(AccessKeyScope scope, CommandContext c, string description = "path or id")
        => await FileIdAsync(scope, c.Args.NextString(description));

    public static async Task<string> FileIdAsync(AccessKeyScope scope, string pathOrSelector)
    {
        if (pathOrSelector.StartsWith('%'))
        {
            int colon = pathOrSelector.IndexOf(':');
            if (colon < 0 || pathOrSelector[1..colon] != "id") throw CliException.Runtime("Only selection \"id\" is supported (file id)");
            return pathOrSelector[(colon + 1)..];
        }
        return await FileResolver.ResolveAsync(scope.Api, scope.RootId, pathOrSelector);
    }

    /// <summary>A file id given as an identifier position (<c>permission &lt;path&gt;</c>).</summary>
    public static Task<string> IdentifierFileIdAsync(AccessKeyScope scope, CommandContext c, string name)
        => FileIdAsync(scope, c.Identifiers[name]?.ToString() ?? "");

    /// <summary>The name filter of <c>find</c>: none (all), a glob on the name, or a regular expression (<c>@re:</c>).</summary>
    public static Func<JsonObject, bool> Matcher(JsonNode? filter)
    {
        if (filter is null) return static _ => true;
        string text = filter.ToString();
        if (filter is JsonObject o && o["regex"] is { } re) text = re.ToString();
        else
        {
            text = "^" + System.Text.RegularExpressions.Regex.Escape(text).Replace("\\*", ".*").Replace("\\?", ".") + "$";
        }
        var regex = new System.Text.RegularExpressions.Regex(text, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return item => regex.IsMatch(item["name"]?.ToString() ?? "");
    }
}
