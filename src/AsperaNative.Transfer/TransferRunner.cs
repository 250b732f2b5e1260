using AsperaNative.Core.Logging;
using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Transfer.Agents;
using AsperaNative.Rest;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.Notifications;
using AsperaNative.Transfer.Progress;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer;

/// <summary>
/// What every plugin's upload and download goes through (ascli's TransferAgent): applies <c>--ts</c>,
/// <c>--to-folder</c>, <c>--sources</c>/<c>--src-type</c> to the application's transfer spec, runs the agent
/// of <c>--transfer</c> with <c>--transfer-info</c>, shows progress, sends the notification e-mail.
/// </summary>
public sealed class TransferRunner(TransferOptions transfer, AscpOptions ascp, NotificationOptions notification, RestOptions rest, PluginContext context)
{
    public const string SourcesFromArgs = "@args";
    public const string SourcesFromSpec = "@ts";
    public const string DirectionSend = "send";
    public const string DirectionReceive = "receive";

    private JsonObject? _userSpec;
    private JsonArray? _paths;
    private bool _pathsRead;

    public TransferLog Log { get; } = new(CoreServices.Log(context));

    /// <summary>Replaces the agent (tests, asession); by default the one of <c>--transfer</c>.</summary>
    public ITransferAgent? Agent { get; set; }

    /// <summary>
    /// A plugin's own agent for a <c>--transfer</c> value (null: the registry's): node uses its own node for
    /// <c>--transfer=node</c> when <c>--transfer-info</c> names none.
    /// </summary>
    public Func<string, ITransferAgent?>? AgentFor { get; set; }

    /// <summary>The HTTP Gateway URL the application announces (AoC, Faspex), used by <c>--transfer=httpgw</c> when <c>--transfer-info</c> has no <c>url</c>.</summary>
    public Func<string>? HttpgwUrl { get; set; }

    /// <summary>Extra listener (asession prints management events).</summary>
    public ITransferListener? Listener { get; set; }

    /// <summary><c>--ts</c> over ascli's default (<c>create_dir: true</c>); null values stay until the final merge removes keys.</summary>
    public JsonObject UserSpec => _userSpec ??= JsonMerge.Deep(new JsonObject { ["create_dir"] = true }, transfer.Ts ?? []);

    public JsonObject TransferInfo => transfer.TransferInfo ?? [];

    public AscpInstallation Installation => new(context.ExtendedValues.HomeFolder, ascp.AscpPath, ascp.UseProduct, ascp.SdkFolder);

    /// <summary>Destination: <c>destination_root</c> of <c>--ts</c>, else <c>--to-folder</c>, else <c>/</c> to send, <c>.</c> to receive.</summary>
    public string DestinationFolder(string direction)
    {
        if (UserSpec["destination_root"] is JsonValue root) return RubyToS.Of(root);
        if (transfer.ToFolder is { } folder) return folder;
        return direction == DirectionSend ? "/" : ".";
    }

    /// <summary>The <c>paths</c> of the transfer from <c>--sources</c> (default: the remaining arguments), read once.</summary>
    public JsonArray? SourcePaths(PendingArguments? args)
    {
        if (_pathsRead) return _paths;
        _pathsRead = true;
        _paths = UserSpec["paths"] as JsonArray;
        var sources = transfer.Sources;
        string? word = sources is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : null;
        if (sources is null || word == SourcesFromArgs)
        {
            var list = args?.Multiple() ?? [];
            if (list.Count == 0) throw CliException.BadArgument($"specify at least one file on command line or use --sources={SourcesFromSpec} to use transfer spec");
            _paths = ListToPaths(list);
        }
        else if (word == SourcesFromSpec)
        {
            bool listInArgs = (transfer.Transfer ?? "direct") == "direct" && AscpArgumentBuilder.HasFileListOption(AscpArgs());
            if (_paths is null && !listInArgs) throw CliException.BadArgument("transfer spec on command line must have sources");
        }
        else if (sources is JsonArray array)
        {
            if (!array.All(static i => i is JsonValue x && JsonScalar.TryGetText(x, out string? _))) throw CliException.BadArgument("sources must be a Array of String");
            _paths = ListToPaths(array);
        }
        else
        {
            throw CliException.Runtime($"unexpected value: {RubyToS.Of(sources)}");
        }
        return _paths;
    }

    private IEnumerable<string>? AscpArgs() => TransferInfo["ascp_args"] is JsonArray a ? a.Select(static i => RubyToS.Of(i)) : null;

    private JsonArray ListToPaths(JsonArray list)
    {
        var items = list.Select(static i => RubyToS.Of(i)).ToList();
        if (transfer.SrcType == "pair")
        {
            if (items.Count % 2 != 0) throw CliException.BadArgument($"When using pair, provide an even number of paths: {items.Count}");
            return [.. items.Chunk(2).Select(static p => (JsonNode)new JsonObject { ["source"] = p[0], ["destination"] = p[1] })];
        }
        return [.. items.Select(static p => (JsonNode)new JsonObject { ["source"] = p })];
    }

    /// <summary>Completes the application's spec with the command line, runs it and waits for the end.</summary>
    public async Task<IReadOnlyList<SessionStatus>> StartAsync(JsonObject spec, PendingArguments? args, Func<string>? tokenRegenerator = null, CancellationToken cancel = default)
    {
        var user = UserSpec;
        string? direction = RubyToS.Of(spec["direction"]);
        if (direction == DirectionReceive)
        {
            user["destination_root"] ??= DestinationFolder(direction);
        }
        else if (direction == DirectionSend)
        {
            if (spec["tags"]?["aspera"]?["node"]?["access_key"] is not null)
            {
                if (user.ContainsKey("destination_root_id")) user.Remove("destination_root");
            }
            else if (spec.ContainsKey("token"))
            {
                // the application set the destination when it issued the token
                user.Remove("destination_root");
            }
            else
            {
                user["destination_root"] ??= DestinationFolder(direction);
            }
        }
        user["paths"] = spec["paths"]?.DeepClone() ?? SourcePaths(args)?.DeepClone();
        var final = JsonMerge.Deep(spec, user);
        RemoveNulls(final);
        var agent = Agent ??= CreateAgent();
        using var progress = ProgressRenderer.Create(ascp.ProgressBar, context.Terminal);
        ITransferListener listener = Listener is null ? progress : new TransferListeners(progress, Listener);
        var statuses = await agent.TransferAsync(final, listener, tokenRegenerator, cancel);
        if (notification.NotifyTo is { } to)
        {
            var worst = statuses.FirstOrDefault(static s => !s.Success);
            string status = worst is null ? "success" : worst.Error!.Message;
            new Mailer(SmtpSettings.From(notification.Smtp)).SendTemplate(notification.NotifyTemplate ?? Mailer.TransferTemplate, to, new JsonObject
            {
                ["subject"] = $"ascli transfer: {status}",
                ["status"] = status,
                ["ts"] = final.DeepClone(),
            });
        }
        return statuses;
    }

    private ITransferAgent CreateAgent()
    {
        string type = transfer.Transfer ?? "direct";
        if (AgentFor?.Invoke(type) is { } own) return own;
        var info = TransferInfo;
        if (type != "direct")
        {
            var factory = (context.IsRegistered<TransferAgentCatalog>() ? context.Registered<TransferAgentCatalog>().Find(type) : null)
                ?? throw CliException.BadArgument($"transfer agent not available in this build: {type}");
            return factory(new TransferAgentRequest(context, info, Log));
        }
        IReadOnlyList<string>? trusted = rest.CertStores switch
        {
            JsonArray a => [.. a.Select(static c => RubyToS.Of(c))],
            JsonValue v => [RubyToS.Of(v)],
            _ => null,
        };
        var options = DirectOptions.From(info, trusted);
        return new DirectAgent(Installation, options, Log);
    }

    /// <summary>ascli's transfer result: nothing on success, the first session error otherwise.</summary>
    public static Result ResultOf(IReadOnlyList<SessionStatus> statuses)
    {
        var failed = statuses.FirstOrDefault(static s => !s.Success);
        if (failed is not null) throw failed.Error is CliException e ? e : new TransferException(failed.Error!.Message);
        return Result.Nothing;
    }

    /// <summary>Removes, at any depth, keys whose value is null: the way to delete a key with <c>--ts</c>.</summary>
    public static void RemoveNulls(JsonObject o)
    {
        foreach (var key in o.Where(static p => p.Value is null).Select(static p => p.Key).ToList()) o.Remove(key);
        foreach (var (_, value) in o)
        {
            if (value is JsonObject child) RemoveNulls(child);
            else if (value is JsonArray array)
                foreach (var item in array.OfType<JsonObject>()) RemoveNulls(item);
        }
    }
}
