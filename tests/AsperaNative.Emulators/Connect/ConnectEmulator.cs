using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AsperaNative.Emulators.Common.EmulatorHost;

namespace AsperaNative.Emulators.Connect;

/// <summary>
/// IBM Aspera Connect's local API (<c>/v5/connect</c>, plain HTTP on 127.0.0.1 as Connect serves it): version, the
/// file selection dialog (answers <see cref="Selection"/>), <c>transfers/start</c> (the transfer is "run" by copying
/// the files below <see cref="Storage"/>) and <c>transfers/info/{id}</c>, queued then running for a few polls.
/// It writes <c>~/.aspera/connect/var/run/http.uri</c> below the home folder given, as Connect does.
/// </summary>
public sealed class ConnectEmulator : IAsyncDisposable
{
    private readonly EmulatorHost _host;
    private readonly Dictionary<string, (JsonObject Spec, int Polls)> _transfers = [];

    public string Storage { get; }
    public List<string> Selection { get; } = [];
    public List<JsonObject> Started { get; } = [];
    public List<string> Origins { get; } = [];

    private ConnectEmulator(EmulatorHost host, string storage)
    {
        _host = host;
        Storage = storage;
    }

    public static async Task<ConnectEmulator> StartAsync(string home, string storage)
    {
        ConnectEmulator? self = null;
        var host = await EmulatorHost.StartAsync(app =>
        {
            app.Use(async (ctx, next) => { lock (self!.Origins) self.Origins.Add(ctx.Request.Headers.Origin.ToString()); await next(ctx); });
            app.MapGet("/v5/connect/info/version", (HttpContext ctx) => Json(ctx, new JsonObject { ["version"] = "4.2.12.780" }));
            app.MapPost("/v5/connect/windows/select-open-file-dialog/", (HttpContext ctx) => Json(ctx, new JsonObject
            {
                ["dataTransfer"] = new JsonObject { ["files"] = new JsonArray([.. self!.Selection.Select(static f => (JsonNode)new JsonObject { ["name"] = f, ["size"] = new FileInfo(f).Length })]) },
            }));
            app.MapPost("/v5/connect/transfers/start", async (HttpContext ctx) =>
            {
                var body = (JsonObject)(await Body(ctx))!;
                var spec = (JsonObject)body["transfer_specs"]![0]!["transfer_spec"]!.DeepClone();
                string id = Guid.NewGuid().ToString();
                lock (self!._transfers) { self._transfers[id] = (spec, 0); self.Started.Add(body); }
                var answer = (JsonObject)spec.DeepClone();
                answer["tags"] = new JsonObject { ["aspera"] = new JsonObject { ["xfer_id"] = id } };
                await Json(ctx, new JsonObject { ["transfer_specs"] = new JsonArray(new JsonObject { ["transfer_spec"] = answer }) });
            });
            app.MapPost("/v5/connect/transfers/info/{id}", (HttpContext ctx, string id) => Json(ctx, self!.Info(id)));
        }, https: false);
        self = new ConnectEmulator(host, storage);
        string run = Path.Combine(home, ".aspera", "connect", "var", "run");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "http.uri"), host.Url + "\n");
        return self;
    }

    /// <summary>queued, then running twice (size known, bytes growing), then completed with the files copied (failed when a source is missing).</summary>
    private JsonObject Info(string id)
    {
        (JsonObject Spec, int Polls) t;
        lock (_transfers) { t = _transfers[id]; _transfers[id] = (t.Spec, t.Polls + 1); }
        var sources = t.Spec["paths"]!.AsArray().Select(static p => p!["source"]!.ToString()).ToList();
        var missing = sources.FirstOrDefault(s => !File.Exists(s));
        long total = sources.Where(File.Exists).Sum(static s => new FileInfo(s).Length);
        var info = t.Polls switch
        {
            0 => new JsonObject { ["status"] = "queued" },
            1 => new JsonObject { ["status"] = "running", ["bytes_expected"] = total, ["bytes_written"] = 0 },
            2 => new JsonObject { ["status"] = "running", ["bytes_expected"] = total, ["bytes_written"] = total / 2 },
            _ when missing is not null => new JsonObject { ["status"] = "failed", ["error_desc"] = $"No such file or directory: {missing}" },
            _ => Complete(t.Spec, sources, total),
        };
        return new JsonObject { ["transfer_info"] = info };
    }

    private JsonObject Complete(JsonObject spec, List<string> sources, long total)
    {
        string folder = Path.Combine(Storage, (spec["destination_root"]?.ToString() ?? "").TrimStart('/'));
        Directory.CreateDirectory(folder);
        foreach (var s in sources) File.Copy(s, Path.Combine(folder, Path.GetFileName(s)), overwrite: true);
        return new JsonObject { ["status"] = "completed", ["bytes_expected"] = total, ["bytes_written"] = total };
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
