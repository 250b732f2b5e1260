using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsperaNative.Emulators.Console;

/// <summary>
/// IBM Aspera Console under <c>/aspera/console</c> (<see cref="Url"/> is what users give as <c>--url</c>):
/// the login page (product detection) and the REST API below <c>/api</c> with HTTP Basic users:
/// <c>ssh_keys</c>, <c>transfers</c> (filtered by <c>from</c>/<c>to</c>, UTC <c>YYYY-MM-DD HH:MM:SS</c>),
/// <c>transfers/{id}</c>, <c>smart_transfers</c> and <c>POST smart_transfers/{id}</c> (submits: creates the
/// transfers of the template). Errors are <c>{"error":{"user_message"}}</c> with 401, 404 or 422.
/// </summary>
public sealed class ConsoleEmulator : IAsyncDisposable
{
    public const string BasePath = "/aspera/console";
    public const string Version = "3.4.2.205318";
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _transfers = [];
    private readonly List<JsonObject> _smartTransfers = [];
    private readonly List<JsonObject> _sshKeys = [];
    private int _nextTransferId = 5001;
    private EmulatorHost _host = null!;

    public EmulatorHost Http => _host;
    /// <summary>Application URL, e.g. <c>https://127.0.0.1:P/aspera/console</c>.</summary>
    public string Url => _host.Url + BasePath;

    private ConsoleEmulator() { }

    public static async Task<ConsoleEmulator> StartAsync(bool https = true)
    {
        var emulator = new ConsoleEmulator();
        emulator._host = await EmulatorHost.StartAsync(emulator.Map, https);
        return emulator;
    }

    public ConsoleEmulator AddUser(string username, string password)
    {
        lock (_users) _users[username] = password;
        return this;
    }

    /// <summary>Adds a transfer (activity row); <c>id</c> assigned when absent, <c>started_at</c> defaults to now.</summary>
    public JsonObject AddTransfer(string name, string contact, string status, DateTime startedAtUtc, long bytes = 0, JsonObject? extra = null)
    {
        var transfer = new JsonObject
        {
            ["name"] = name,
            ["contact"] = contact,
            ["status"] = status,
            ["source"] = "10.0.0.1",
            ["destination"] = "10.0.0.2",
            ["bytes_transferred"] = bytes,
            ["bytes_written"] = bytes,
            ["total_bytes"] = bytes,
            ["started_at"] = startedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["stopped_at"] = status is "completed" or "failed" or "cancelled" ? startedAtUtc.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : null,
            ["error_description"] = status == "failed" ? "Remote host is not reachable" : null,
            ["last_calculated_rate_bps"] = status == "running" ? 100_000_000 : null,
        };
        foreach (var (k, v) in extra ?? []) transfer[k] = v?.DeepClone();
        lock (_transfers)
        {
            transfer["id"] ??= _nextTransferId++;
            _transfers.Add(transfer);
        }
        return transfer;
    }

    /// <summary>Adds a smart transfer template (source and destination endpoints).</summary>
    public JsonObject AddSmartTransfer(int id, string name, string sourceNode, string sourcePath, string destinationNode, string destinationPath)
    {
        var smart = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["shared"] = true,
            ["allow_modification"] = true,
            ["source"] = new JsonObject { ["node"] = sourceNode, ["path"] = sourcePath },
            ["destination"] = new JsonObject { ["node"] = destinationNode, ["path"] = destinationPath },
        };
        lock (_smartTransfers) _smartTransfers.Add(smart);
        return smart;
    }

    public JsonObject AddSshKey(string name, string fingerprint)
    {
        lock (_sshKeys)
        {
            var key = new JsonObject { ["id"] = _sshKeys.Count + 1, ["name"] = name, ["fingerprint"] = fingerprint, ["key_type"] = "ssh-rsa" };
            _sshKeys.Add(key);
            return key;
        }
    }

    private void Map(WebApplication app)
    {
        var console = app.MapGroup(BasePath);
        console.MapGet("/login", ctx => EmulatorHost.Text(ctx,
            $"<!DOCTYPE html><html><head><title>Aspera Console</title></head><body><form action=\"{BasePath}/login\" method=\"post\"><input name=\"user[login]\"/><input type=\"password\" name=\"user[password]\"/></form><div id=\"footer\">IBM Aspera Console (v{Version})</div></body></html>",
            "text/html; charset=utf-8"));
        // every API call needs a Console account (HTTP Basic)
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Path.StartsWithSegments(BasePath + "/api"))
            {
                var pair = EmulatorHost.Basic(ctx);
                bool known;
                lock (_users) known = pair is { } p && _users.TryGetValue(p.User, out var password) && password == p.Password;
                if (!known)
                {
                    ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"Aspera Console\"";
                    await Error(ctx, 401, "Invalid username or password");
                    return;
                }
            }
            await next(ctx);
        });
        var api = console.MapGroup("/api");
        api.MapGet("/ssh_keys", ctx => { lock (_sshKeys) return EmulatorHost.Json(ctx, Array(_sshKeys)); });
        api.MapGet("/transfers", Transfers);
        api.MapGet("/transfers/{id}", (HttpContext ctx, string id) =>
        {
            JsonObject? found;
            lock (_transfers) found = _transfers.FirstOrDefault(t => t["id"]?.ToString() == id);
            return found is null ? Error(ctx, 404, $"Transfer {id} not found") : EmulatorHost.Json(ctx, found.DeepClone());
        });
        api.MapGet("/smart_transfers", ctx => { lock (_smartTransfers) return EmulatorHost.Json(ctx, Array(_smartTransfers)); });
        api.MapPost("/smart_transfers/{id}", Submit);
        app.MapFallback(ctx => EmulatorHost.Text(ctx, "<html><body><h1>The page you were looking for doesn't exist.</h1></body></html>", "text/html; charset=utf-8", 404));
    }

    private Task Transfers(HttpContext ctx)
    {
        DateTime? from = null, to = null;
        foreach (string name in new[] { "from", "to" })
        {
            string value = ctx.Request.Query[name].ToString();
            if (value.Length == 0) continue;
            if (!DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                return Error(ctx, 422, $"Invalid date for {name}: {value}, expected {DateFormat.ToUpperInvariant()}");
            if (name == "from") from = date; else to = date;
        }
        lock (_transfers)
        {
            var selected = _transfers.Where(t =>
            {
                var started = DateTime.Parse(t["started_at"]!.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                return (from is null || started >= from) && (to is null || started <= to);
            });
            return EmulatorHost.Json(ctx, Array(selected));
        }
    }

    private async Task Submit(HttpContext ctx, string id)
    {
        JsonObject? smart;
        lock (_smartTransfers) smart = _smartTransfers.FirstOrDefault(s => s["id"]?.ToString() == id);
        if (smart is null) { await Error(ctx, 404, $"Smart transfer {id} not found"); return; }
        if (await EmulatorHost.Body(ctx) is not JsonObject parameters)
        {
            await Error(ctx, 422, "Transfer parameters must be a JSON object");
            return;
        }
        // a user selection replaces the template's source paths
        var paths = parameters["source"]?["paths"] as JsonArray ?? new JsonArray(smart["source"]!["path"]!.DeepClone());
        var transfer = AddTransfer(smart["name"]!.ToString(), "console", "queued", DateTime.UtcNow, 0, new JsonObject
        {
            ["smart_transfer_id"] = smart["id"]!.DeepClone(),
            ["source_paths"] = paths.DeepClone(),
            ["destination_path"] = smart["destination"]!["path"]!.DeepClone(),
        });
        await EmulatorHost.Json(ctx, new JsonArray(transfer.DeepClone()), 201);
    }

    private static JsonArray Array(IEnumerable<JsonObject> items) => new([.. items.Select(static i => i.DeepClone())]);

    private static Task Error(HttpContext ctx, int status, string message)
        => EmulatorHost.Json(ctx, new JsonObject { ["error"] = new JsonObject { ["user_message"] = message } }, status);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
