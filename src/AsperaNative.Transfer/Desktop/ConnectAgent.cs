using AsperaNative.Core.Values;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Desktop;

/// <summary>
/// The desktop clients (<c>--transfer=connect</c>, <c>--transfer=alpha</c>, manual "Agent: Connect Client" and
/// "Agent: Desktop Client"): they need a graphical session, which Linux servers do not have; the error says which
/// agents work there.
/// </summary>
public static class DesktopClients
{
    /// <summary>The agents that need nothing but this binary and a reachable server.</summary>
    public const string AgentsThatWork = "on this machine use --transfer=direct (ascp), node, httpgw or trsdk";

    /// <summary>ascli's rule: Windows and macOS are graphical, Linux when <c>DISPLAY</c> is set.</summary>
    public static bool Graphical(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() || environment("DISPLAY") is { Length: > 0 };
    }

    /// <summary>IBM Aspera for desktop has no Linux version: one error line naming what works.</summary>
    public static CliException AlphaUnavailable()
        => CliException.Runtime($"IBM Aspera for desktop (--transfer=alpha) is not available on {(OperatingSystem.IsLinux() ? "Linux" : "this platform")}: {AgentsThatWork}");
}

/// <summary>The IBM Aspera for desktop agent (<c>--transfer=alpha</c>, manual "Agent: Desktop Client"): not available on this platform.</summary>
[TransferAgent(Name)]
public static class AlphaAgent
{
    public const string Name = "alpha";

    public static ITransferAgent Create(TransferAgentRequest request) => throw DesktopClients.AlphaUnavailable();
}

/// <summary>
/// The Connect agent (manual "Agent: Connect Client"): transfers are started through IBM Aspera Connect's local HTTP
/// API (<c>http://127.0.0.1:33003/v5/connect</c>, the URL Connect writes in <c>~/.aspera/connect/var/run/http.uri</c>):
/// <c>transfers/start</c> with the spec (token transfers use Connect's SSH keys), then <c>transfers/info/{id}</c>
/// every second for its progress. Uploads take their files from Connect's file selection dialog, as Connect
/// requires. Connect is started (<c>fasp://initialize</c>) when it does not answer.
/// </summary>
[TransferAgent(Name)]
public sealed class ConnectAgent : ITransferAgent
{
    public const string Name = "connect";
    private static readonly string[] StartUris = ["fasp://initialize", "fasp://initialize", "aspera-drive://initialize"];

    private readonly RestClient _api;
    private readonly JsonObject _settings = new() { ["app_id"] = Guid.NewGuid().ToString() };
    private readonly TransferLog _log;

    /// <summary>Seconds between status polls (tests shorten it), and between attempts to start Connect.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan StartRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    private ConnectAgent(RestClient api, TransferLog log)
    {
        _api = api;
        _log = log;
    }

    /// <summary>The agent for the Connect of the user's home.</summary>
    public static ITransferAgent Create(TransferAgentRequest request)
        => Create(request.Context.ExtendedValues.HomeFolder, RestServices.Rest(request.Context), request.Log);

    /// <summary>The agent for the Connect of <paramref name="home"/> (its URI file), checked to answer.</summary>
    public static ConnectAgent Create(string home, RestFactory rest, TransferLog log, Func<string, string?>? environment = null, TimeSpan? retry = null)
    {
        if (!DesktopClients.Graphical(environment))
            throw CliException.Runtime($"Using connect requires a graphical environment (IBM Aspera Connect is a desktop application): {DesktopClients.AgentsThatWork}");
        string url = ApiUrl(home);
        var api = rest.Create($"{url}/v5/connect", options: new RestClientOptions { Headers = new Dictionary<string, string> { ["Origin"] = rest.Settings.Http.UserAgent } });
        var agent = new ConnectAgent(api, log) { StartRetryInterval = retry ?? TimeSpan.FromSeconds(5) };
        agent.Reach();
        return agent;
    }

    /// <summary>The URL of Connect's API, from the file Connect writes when it starts (http, else https).</summary>
    public static string ApiUrl(string home)
    {
        string root = Path.Combine(home, ".aspera", "connect");
        if (!Directory.Exists(root)) throw CliException.Runtime($"Product: IBM Aspera Connect not found, please install. ({AgentsThatWorkSuffix})");
        string folder = Path.Combine(root, "var", "run");
        foreach (var scheme in new[] { "http", "https" })
        {
            string file = Path.Combine(folder, $"{scheme}.uri");
            if (File.Exists(file)) return File.ReadLines(file).FirstOrDefault()?.Trim() ?? "";
        }
        throw CliException.Runtime($"no connect uri file found in {folder}");
    }

    private static string AgentsThatWorkSuffix => DesktopClients.AgentsThatWork;

    /// <summary><c>info/version</c>; when Connect does not answer, it is started through its URL scheme, a few times.</summary>
    private void Reach()
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                var version = _api.Read("info/version");
                if (attempt > 0) _log.Info("Connect was reached");
                _log.Debug($"connect version: {version?.ToJsonString()}");
                return;
            }
            catch (CliException e)
            {
                if (attempt >= StartUris.Length) throw CliException.Other("StandardError", $"Unable to start connect {attempt + 1} times");
                _log.Warn($"Aspera Connect is not started ({e.Message}). Trying to start it #{attempt + 1}...");
                if (!OpenGraphical(StartUris[attempt])) throw CliException.Other("StandardError", "Connect is not installed");
                Thread.Sleep(StartRetryInterval);
            }
        }
    }

    private static bool OpenGraphical(string uri)
    {
        string opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsWindows() ? "explorer" : "xdg-open";
        try
        {
            using var p = Process.Start(new ProcessStartInfo(opener, [uri]) { UseShellExecute = false });
            return p is not null;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    public async Task<IReadOnlyList<SessionStatus>> TransferAsync(JsonObject spec, ITransferListener listener, Func<string>? tokenRegenerator, CancellationToken cancel)
    {
        spec = (JsonObject)spec.DeepClone();
        if (RubyToS.Of(spec["direction"]) == TransferRunner.DirectionSend)
        {
            _log.Warn($"Connect requires upload selection using GUI, ignoring {RubyToS.Of(spec["paths"])}");
            spec.Remove("paths");
            var selection = await _api.CreateAsync("windows/select-open-file-dialog/", new JsonObject
            {
                ["aspera_connect_settings"] = _settings.DeepClone(),
                ["title"] = "Select Files",
                ["suggestedName"] = "",
                ["allowMultipleSelection"] = true,
                ["allowedFileTypes"] = "",
            }, cancel);
            spec["paths"] = new JsonArray([.. (selection?["dataTransfer"]?["files"] as JsonArray ?? []).Select(static f => (JsonNode)new JsonObject { ["source"] = f?["name"]?.DeepClone() })]);
        }
        if (spec.ContainsKey("token")) spec["authentication"] = "token";
        var settings = (JsonObject)_settings.DeepClone();
        settings["request_id"] = Guid.NewGuid().ToString();
        settings["allow_dialogs"] = true;
        var started = await _api.CreateAsync("transfers/start", new JsonObject
        {
            ["aspera_connect_settings"] = settings,
            ["transfer_specs"] = new JsonArray(new JsonObject { ["transfer_spec"] = spec }),
        }, cancel);
        string id = started?["transfer_specs"]?[0]?["transfer_spec"]?["tags"]?["aspera"]?["xfer_id"]?.ToString()
            ?? throw CliException.Runtime("no transfer id in answer of Connect");
        return [await FollowAsync(id, listener, cancel)];
    }

    /// <summary>Connect's status of the transfer, every <see cref="PollInterval"/>, as progress.</summary>
    private async Task<SessionStatus> FollowAsync(string id, ITransferListener listener, CancellationToken cancel)
    {
        bool started = false, sized = false;
        while (true)
        {
            var info = await _api.CreateAsync($"transfers/info/{id}", new JsonObject { ["aspera_connect_settings"] = _settings.DeepClone() }, cancel);
            if (info?["transfer_info"] is JsonObject transfer)
            {
                string status = transfer["status"]?.ToString() ?? "";
                switch (status)
                {
                    case "initiating" or "queued":
                        listener.OnProgress(new ProgressEvent(ProgressKind.PreStart, null, Info: status));
                        break;
                    case "running":
                        if (!started) { listener.OnProgress(new ProgressEvent(ProgressKind.SessionStart, id)); started = true; }
                        long expected = Long(transfer["bytes_expected"]);
                        if (!sized && expected != 0) { listener.OnProgress(new ProgressEvent(ProgressKind.SessionSize, id, expected)); sized = true; }
                        listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, id, Long(transfer["bytes_written"])));
                        break;
                    case "completed":
                        if (!started) listener.OnProgress(new ProgressEvent(ProgressKind.SessionStart, id));
                        listener.OnProgress(new ProgressEvent(ProgressKind.Transfer, id, Long(transfer["bytes_written"])));
                        listener.OnProgress(new ProgressEvent(ProgressKind.End, id));
                        return SessionStatus.Ok;
                    case "failed":
                        listener.OnProgress(new ProgressEvent(ProgressKind.End, id));
                        return new SessionStatus(new TransferException(transfer["error_desc"]?.ToString() ?? ""));
                    case "cancelled":
                        listener.OnProgress(new ProgressEvent(ProgressKind.End, id));
                        return new SessionStatus(new TransferException("Transfer cancelled by user"));
                    default:
                        listener.OnProgress(new ProgressEvent(ProgressKind.End, id));
                        return new SessionStatus(new TransferException($"unknown status: {status}: {transfer["error_desc"]}"));
                }
            }
            await Task.Delay(PollInterval, cancel);
        }
    }

    private static long Long(JsonNode? n) => n is JsonValue v && v.TryGetValue(out long l) ? l : n is JsonValue d && d.TryGetValue(out double x) ? (long)x : 0;
}
