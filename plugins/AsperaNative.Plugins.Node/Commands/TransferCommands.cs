using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>Transfers known to the node</summary>
[CommandGroup("node transfer")]
internal sealed class TransferCommands(NodePlugin plugin, CommandOptions options)
{
    private const string Path = "ops/transfers";

    /// <summary>List transfers (--query, --once-only; query max/reset)</summary>
    [Command("list")]
    public Result List()
        => Result.ObjectList(plugin.Api.Transfers(options.Query?.DeepClone()), ["id", "status", "start_spec.direction", "start_spec.remote_user", "start_spec.remote_host", "start_spec.destination_path"]);

    /// <summary>List sessions of transfers</summary>
    [Command("sessions")]
    public async Task<Result> Sessions()
    {
        var paged = await plugin.Api.TransfersAsync(options.Query?.DeepClone());
        var sessions = new JsonArray();
        foreach (var transfer in paged.Items.OfType<JsonObject>())
            foreach (var session in (transfer["sessions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var copy = (JsonObject)session.DeepClone();
                copy["start_time"] = Iso(session["start_time_usec"]);
                copy["end_time"] = Iso(session["end_time_usec"]);
                sessions.Add((JsonNode)copy);
            }
        return Result.ObjectList(sessions, ["id", "status", "start_time", "end_time", "target_rate_kbps"]);
    }

    /// <summary>Show a transfer</summary>
    [Command("show")]
    public async Task<Result> Show([Argument("identifier", Name = "id")] string id) => Result.Auto(await plugin.Api.ReadAsync($"{Path}/{InstanceIdentifier.Plain(id)}"));

    /// <summary>Cancel a transfer</summary>
    [Command("cancel")]
    public async Task<Result> Cancel([Argument("identifier", Name = "id")] string id) => Result.Auto(await plugin.Api.DeleteAsync($"{Path}/{InstanceIdentifier.Plain(id)}"));

    /// <summary>Modify a transfer</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("identifier", Name = "id")] string id, [Argument("update value", Name = "params")] JsonObject update)
    {
        id = InstanceIdentifier.Plain(id);
        return Result.Auto(await plugin.Api.UpdateAsync($"{Path}/{id}", update));
    }

    /// <summary>Average bandwidth per period and direction</summary>
    [Command("bandwidth_average")]
    public async Task<Result> BandwidthAverage()
    {
        var transfers = (await plugin.Api.TransfersAsync(options.Query?.DeepClone())).Items.OfType<JsonObject>()
            .Where(static t => Long(t["avg_rate_kbps"]) != 0).ToList();
        var dates = transfers.SelectMany(static t => new[] { Long(t["start_time_usec"]), Long(t["end_time_usec"]) }).Distinct().Order().ToList();
        var rows = new JsonArray();
        for (int i = 0; i + 1 < dates.Count; i++)
        {
            long start = dates[i], end = dates[i + 1];
            var period = new Dictionary<string, (long Kbps, long Sessions)> { ["send"] = (0, 0), ["receive"] = (0, 0) };
            foreach (var t in transfers)
            {
                if (Long(t["start_time_usec"]) >= end || Long(t["end_time_usec"]) <= start) continue;
                string direction = t["start_spec"]?["direction"]?.ToString() ?? "send";
                var (k, s) = period.GetValueOrDefault(direction);
                period[direction] = (k + Long(t["avg_rate_kbps"]), s + 1);
            }
            if (period.Values.All(static v => v.Sessions == 0)) continue;
            var row = new JsonObject { ["start"] = Iso(start), ["end"] = Iso(end) };
            foreach (var (direction, (kbps, sessions)) in period)
                row[direction] = new JsonObject { ["avg_kbps"] = kbps, ["sessions"] = sessions };
            rows.Add((JsonNode)row);
        }
        return Result.ObjectList(rows);
    }

    private static long Long(JsonNode? n) => n is JsonValue v && v.TryGetValue(out long l) ? l : 0;

    private static string Iso(JsonNode? usec) => Iso(Long(usec));

    private static string Iso(long usec)
        => DateTimeOffset.FromUnixTimeMilliseconds(usec / 1000).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
