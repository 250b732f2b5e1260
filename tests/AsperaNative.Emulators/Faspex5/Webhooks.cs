using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Faspex5.State;

namespace AsperaNative.Emulators.Faspex5;

/// <summary>One webhook call made by the emulator.</summary>
public sealed record WebhookDelivery(string Event, string Endpoint, JsonObject Payload, int StatusCode, string ResponseBody);

/// <summary>
/// Package events (<c>package_sent</c> and <c>package_received</c> when an upload completes,
/// <c>package_downloaded</c> when a recipient gets a download transfer spec) POSTed as JSON to the
/// enabled webhooks listening to the event and to <see cref="Faspex5Emulator.PostprocessingUrl"/>.
/// The payload carries the Faspex 4 post-processing variable names (<c>faspex_pkg_id</c>…), which
/// <c>ascli faspex5 postprocessing</c> turns into the script's environment. Deliveries are recorded in
/// <c>admin events webhook</c> (<c>all_webhooks_events</c>) and in <see cref="Deliveries"/>.
/// </summary>
public sealed class Webhooks(Faspex5Emulator f5) : IAsyncDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true })
    {
        Timeout = TimeSpan.FromSeconds(90),
    };
    private readonly List<Task> _pending = [];

    public List<WebhookDelivery> Deliveries { get; } = [];

    /// <summary>Waits for the calls started so far.</summary>
    public async Task WaitAsync()
    {
        Task[] pending;
        lock (_pending) pending = [.. _pending];
        await Task.WhenAll(pending);
    }

    /// <summary>The post-processing payload of a package event.</summary>
    public static JsonObject Payload(Package package, string eventName, string docroot, string? recipient = null)
    {
        var payload = new JsonObject
        {
            ["event"] = eventName,
            ["faspex_pkg_id"] = package.Id,
            ["faspex_pkg_uuid"] = package.Id,
            ["faspex_pkg_name"] = package.Title,
            ["faspex_pkg_note"] = package.Note ?? "",
            ["faspex_pkg_total_bytes"] = package.TotalBytes,
            ["faspex_pkg_total_files"] = package.TotalFiles,
            ["faspex_pkg_directory"] = "/" + Path.GetRelativePath(docroot, package.ContentsFolder).Replace('\\', '/'),
            ["faspex_sender_name"] = package.SenderName,
            ["faspex_sender_email"] = package.SenderEmail,
            ["faspex_recipient_list"] = string.Join(",", package.Recipients.Select(static r => r.Name)),
        };
        if (recipient is not null) payload["faspex_recipient_name"] = recipient;
        foreach (var (key, value) in package.Metadata ?? [])
            payload["faspex_metadata_" + key] = value?.ToString();
        return payload;
    }

    internal void PackageEvent(Package package, string eventName, string? recipient = null)
    {
        JsonObject payload;
        List<(string? Id, string Endpoint)> targets;
        lock (f5.State.Sync)
        {
            payload = Payload(package, eventName, f5.State.Docroot, recipient);
            targets = [.. f5.State.Collection("webhooks").Items
                .Where(w => w["enabled"]?.GetValue<bool>() != false && (w["events"] as JsonArray ?? []).Any(e => e?.ToString() == eventName))
                .Select(static w => ((string?)EntityCollection.IdText(w), w.Str("endpoint")))];
            f5.State.Collection("application_events").Add(new JsonObject
            {
                ["event_type"] = eventName,
                ["created_at"] = Faspex5Http.Now(),
                ["application"] = "faspex",
                ["user"] = new JsonObject { ["name"] = recipient ?? package.SenderName },
                ["package_id"] = package.Id,
            });
        }
        if (f5.PostprocessingUrl is { } url) targets.Add((null, url));
        foreach (var (id, endpoint) in targets)
        {
            var task = Deliver(id, endpoint, eventName, payload);
            lock (_pending) _pending.Add(task);
        }
    }

    private async Task Deliver(string? webhookId, string endpoint, string eventName, JsonObject payload)
    {
        int status;
        string body;
        try
        {
            using var response = await _http.PostAsync(endpoint, new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            status = 0;
            body = e.Message;
        }
        lock (f5.State.Sync)
        {
            Deliveries.Add(new WebhookDelivery(eventName, endpoint, payload, status, body));
            f5.State.Collection("webhook_events").Add(new JsonObject
            {
                ["webhook_id"] = webhookId,
                ["event"] = eventName,
                ["endpoint"] = endpoint,
                ["status"] = status is >= 200 and < 300 ? "success" : "failed",
                ["response_code"] = status,
                ["created_at"] = Faspex5Http.Now(),
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await WaitAsync(); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
        _http.Dispose();
    }
}
