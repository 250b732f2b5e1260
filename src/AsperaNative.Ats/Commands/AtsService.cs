// IBM Aspera Transfer Service (ATS) commands, declared once and mounted by plugin ats (at its root) and aoc
// (`admin ats`): public cluster information (https://ats.aspera.io/pub/v1/servers), the account's access keys
// (pub/v1/access_keys, with the ATS key or through AoC), their files on the transfer server (gen4 Node API).
// Manual: "Plugin: ats".
using System.Text.Json.Nodes;
using AsperaNative.Ats.Api;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.NodeApi;
using AsperaNative.NodeApi.Api;
using AsperaNative.NodeApi.Commands.Gen4;
using AsperaNative.Rest;
using AsperaNative.Core.Values;

namespace AsperaNative.Ats.Commands;

/// <summary>
/// The scope of the ATS commands: the public API, and the API of the account's access keys, made when first
/// needed by the mounting side (<paramref name="keyApi"/>): pub/v1 with Basic of <c>--ats-key</c>/<c>--ats-secret</c> for
/// plugin ats, AoC's <c>admin/ats/pub/v1</c> for aoc.
/// </summary>
[CommandSet("ats")]
[MountCommands(typeof(Gen4Files), "access_key node <id>", Scope = nameof(AccessKeyNode))]
public sealed class AtsService(RestFactory rest, PluginContext context, Func<RestClient> keyApi)
{
    private RestClient? _keyApi;

    public RestFactory RestFactory { get; } = rest;
    public PluginContext Context { get; } = context;
    public AtsPublicApi Public { get; } = new(rest);

    /// <summary>The access keys API of the account (<c>access_keys</c>, <c>aws/trustpolicy</c>).</summary>
    public RestClient KeyApi => _keyApi ??= keyApi();

    /// <summary>
    /// The secret of <paramref name="username"/> on <paramref name="url"/> (ascli's <c>lookup_secret</c>): <c>--secret</c>, else the
    /// password of a preset with that url and username; empty when unknown (the server then refuses the call).
    /// </summary>
    public string LookupSecret(string url, string username)
    {
        if (new ConfigOptions(Context.Options).Secret is { } secret) return secret;
        if (!Context.IsRegistered<PresetStore>()) return "";
        string wanted = CanonicalUrl(url);
        foreach (var (_, preset) in Context.Registered<PresetStore>().All)
        {
            if (preset is not JsonObject values || values["url"] is not JsonValue u || !JsonScalar.TryGetText(u, out string? presetUrl)) continue;
            if (CanonicalUrl(presetUrl) == wanted && AtsPublicApi.Text(values, "username") == username)
                return values["password"] is JsonValue p && JsonScalar.TryGetText(p, out string? password) ? password : "";
        }
        return "";
    }

    /// <summary>The transfer server of <c>--cloud</c> and <c>--region</c> (both mandatory, in that order).</summary>
    public Task<JsonNode?> ServerByCloudRegionAsync()
    {
        var options = new AtsOptions(Context.Options);
        string cloud = options.RequiredCloud;
        return Public.ServerAsync(cloud, options.RequiredRegion);
    }

    private static string CanonicalUrl(string url)
    {
        url = url.TrimEnd('/');
        return url.StartsWith("https://", StringComparison.Ordinal) && url.EndsWith(":443", StringComparison.Ordinal) && url.IndexOf('/', 8) < 0 ? url[..^4] : url;
    }

    /// <summary>
    /// <c>access_key node &lt;id&gt;</c>: the key's files on its transfer server (the first server whose id starts with the key's
    /// <c>transfer_server_id</c>), with the key's id and secret, from <c>--root-id</c> or the key's root file.
    /// </summary>
    public async Task<Gen4Files> AccessKeyNode(CommandContext command)
    {
        string id = InstanceIdentifier.Plain(command.Identifier("id"));
        var key = await KeyApi.ReadAsync($"access_keys/{id}") as JsonObject ?? [];
        string serverId = AtsPublicApi.Text(key, "transfer_server_id") ?? "";
        var server = await Public.FindServerAsync(s => (AtsPublicApi.Text(s, "id") ?? "").StartsWith(serverId, StringComparison.Ordinal))
            ?? throw CliException.Tool("no such server found");
        string url = AtsPublicApi.Text(server, "transfer_setup_url") ?? "";
        var node = new NodeOptions(Context.Options);
        var api = NodeConnection.Create(RestFactory, url, id, LookupSecret(url, id), node.NodeCache != false);
        string root = node.RootId ?? (key["root_file_id"] is { } r ? Core.Values.RubyToS.Of(r) : null)
            ?? throw CliException.Runtime("Specify root file id with option root_id");
        return new Gen4Files(api, root, Context) { AccessKeyInfo = key };
    }
}
