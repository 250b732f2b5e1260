using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Plugins.Config.Local;
using AsperaNative.Rest;
using AsperaNative.Transfer;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>
/// The versions of IBM Aspera Connect published on its CDN (<c>https://d3gcli72yxqn2z.cloudfront.net/connect</c>): the
/// <c>connectversions.js</c> script holds them as a JavaScript object (<c>entries</c>: id, title, version, links).
/// </summary>
internal sealed partial class ConnectCdn(RestFactory rest)
{
    public const string BaseUrl = "https://d3gcli72yxqn2z.cloudfront.net/connect";
    private const string VersionsScript = "connectversions.js";

    private JsonArray? _entries;

    public RestClient Api => rest.Create(BaseUrl);

    /// <summary>The published versions, read once.</summary>
    public async Task<JsonArray> EntriesAsync()
    {
        if (_entries is not null) return _entries;
        var script = await Api.CallAsync(new RestRequest("GET", VersionsScript));
        var assignment = Assignment().Match(Newlines().Replace(script.Text, ""));
        if (!assignment.Success) throw CliException.Tool("Problem when getting connect versions from internet");
        JsonNode? all;
        try { all = JsonNode.Parse(assignment.Groups[1].Value); }
        catch (JsonException e) { throw CliException.Other("JSON::ParserError", e.Message); }
        return _entries = all?["entries"] as JsonArray ?? [];
    }

    /// <summary>The version whose id or title is <paramref name="idOrTitle"/>.</summary>
    public async Task<JsonObject> FindAsync(string idOrTitle)
        => (await EntriesAsync()).OfType<JsonObject>().FirstOrDefault(e => Text(e["id"]) == idOrTitle || Text(e["title"]) == idOrTitle)
            ?? throw new CliException("Identifier", $"connect with identifier {idOrTitle} not found");

    public static string? Text(JsonNode? node) => node is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : null;

    [GeneratedRegex(@"\r?\n\s*")]
    private static partial Regex Newlines();

    [GeneratedRegex(@"^.*? = (.*);")]
    private static partial Regex Assignment();
}

/// <summary><c>config ascp connect</c>: the Connect versions of the CDN.</summary>
[CommandGroup("config ascp connect")]
internal sealed class ConnectCommands(RestFactory rest)
{
    private readonly ConnectCdn _cdn = new(rest);

    /// <summary>List the Connect versions available</summary>
    [Command("list")]
    public async Task<Result> List() => Result.ObjectList((JsonArray)(await _cdn.EntriesAsync()).DeepClone(), ["id", "title", "version"]);

    /// <summary>Display the details of one Connect version</summary>
    [Command("info")]
    public async Task<Result> Info([Argument("id or title", Name = "id_or_title")] string idOrTitle)
    {
        var entry = (JsonObject)(await _cdn.FindAsync(idOrTitle)).DeepClone();
        entry.Remove("links");
        return Result.SingleObject(entry);
    }
}

/// <summary><c>config ascp connect version &lt;id&gt;</c>: the download links of one Connect version.</summary>
[CommandGroup("config ascp connect version <id:id or title>")]
internal sealed class ConnectVersionCommands(RestFactory rest, TransferRunner transfer, GlobalOptions global)
{
    private readonly ConnectCdn _cdn = new(rest);

    /// <summary>List the download links</summary>
    [Command("list")]
    public async Task<Result> List(CommandContext context) => Result.ObjectList(await LinksAsync(context));

    /// <summary>Download one link to the destination folder</summary>
    [Command("download")]
    public async Task<Result> Download(CommandContext context, [Argument("title or rel", Name = "title_or_rel")] string titleOrRel)
    {
        string href = ConnectCdn.Text((await LinkAsync(context, titleOrRel))["href"]) ?? "";
        string name = href[(href.LastIndexOf('/') + 1)..];
        string folder = transfer.DestinationFolder(TransferRunner.DirectionReceive);
        if (!Path.IsPathRooted(folder) && context.Plugin.ExtendedValues.CurrentFolder is { } current) folder = Path.Combine(current, folder);
        await _cdn.Api.CallAsync(new RestRequest("GET", href) { SaveToFile = Path.Combine(folder, name) });
        return Result.Status($"Downloaded: {name}");
    }

    /// <summary>Open one link in the browser</summary>
    [Command("open")]
    public async Task<Result> Open(CommandContext context, [Argument("title or rel", Name = "title_or_rel")] string titleOrRel)
    {
        string href = ConnectCdn.Text((await LinkAsync(context, titleOrRel))["href"]) ?? "";
        if (OpenApplication.Uri(href, global.Ui) is { } message) context.Status(message);
        return Result.Status($"Opened: {href}");
    }

    private async Task<JsonArray> LinksAsync(CommandContext context)
        => (await _cdn.FindAsync(context.Identifier("id")))["links"]?.DeepClone() as JsonArray ?? [];

    private async Task<JsonObject> LinkAsync(CommandContext context, string titleOrRel)
        => (await LinksAsync(context)).OfType<JsonObject>().FirstOrDefault(l => ConnectCdn.Text(l["title"]) == titleOrRel || ConnectCdn.Text(l["rel"]) == titleOrRel)
            ?? throw CliException.Runtime("no such value");
}
