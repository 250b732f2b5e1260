// Faspex 5 admin commands that are not entities ({url}/api/v5): configuration, configuration/smtp (+ test and
// its job), application_events and all_webhooks_events (offset paging), internal/packages/clean_deleted.
// docs/products/faspex5.md §7.2-7.5.
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Faspex5.Commands;

/// <summary>Administration</summary>
[CommandGroup("faspex5 admin")]
internal sealed class AdminCommands(Faspex5Plugin plugin)
{
    /// <summary>Purge the records of deleted packages</summary>
    [Command("clean_deleted")]
    public async Task<Result> CleanDeleted([Argument("parameters for clean_deleted", Name = "params")] JsonObject? parameters = null)
    {
        var api = (await plugin.ApiAsync()).Rest;
        var body = parameters ?? [];
        if (body.Count == 0)
        {
            // the server's own retention, when none is given
            var configuration = await api.ReadAsync("configuration") as JsonObject ?? [];
            if (configuration["days_before_deleting_package_records"] is { } days) body["days_before_deleting_package_records"] = days.DeepClone();
        }
        return Result.Auto(await api.CreateAsync("internal/packages/clean_deleted", body));
    }
}

/// <summary>Global configuration</summary>
[CommandGroup("faspex5 admin configuration")]
internal sealed class ConfigurationCommands(Faspex5Plugin plugin)
{
    /// <summary>Show the configuration</summary>
    [Command("show")]
    public async Task<Result> Show() => Result.Auto(await (await plugin.ApiAsync()).Rest.ReadAsync("configuration"));

    /// <summary>Modify the configuration</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("parameters for modify", Name = "params")] JsonObject parameters)
        => Result.Auto(await (await plugin.ApiAsync()).Rest.UpdateAsync("configuration", parameters));
}

/// <summary>SMTP configuration</summary>
[CommandGroup("faspex5 admin smtp")]
internal sealed class SmtpCommands(Faspex5Plugin plugin)
{
    private const string SmtpPath = "configuration/smtp";

    /// <summary>Show the SMTP configuration</summary>
    [Command("show")]
    public async Task<Result> Show() => Result.Auto(await (await plugin.ApiAsync()).Rest.ReadAsync(SmtpPath));

    /// <summary>Create the SMTP configuration</summary>
    [Command("create")]
    public async Task<Result> Create([Argument("parameters for create", Name = "params")] JsonObject parameters)
        => Result.Auto(await (await plugin.ApiAsync()).Rest.CreateAsync(SmtpPath, parameters));

    /// <summary>Modify the SMTP configuration</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("parameters for modify", Name = "params")] JsonObject parameters)
        => Result.Auto(await (await plugin.ApiAsync()).Rest.UpdateAsync(SmtpPath, parameters));

    /// <summary>Delete the SMTP configuration</summary>
    [Command("delete")]
    public async Task<Result> Delete()
    {
        await (await plugin.ApiAsync()).Rest.DeleteAsync(SmtpPath);
        return Result.Status("SMTP configuration deleted");
    }

    /// <summary>Send a test email</summary>
    [Command("test")]
    public async Task<Result> Test([Argument("Email or test data, see API", Name = "email|params")] string email)
    {
        var api = await plugin.ApiAsync();
        var created = await api.Rest.CreateAsync($"{SmtpPath}/test", new JsonObject { ["test_email_recipient"] = email });
        var job = await api.WaitJobAsync(Faspex5Plugin.Text(created?["job_id"]));
        // the job's arguments are JSON text
        if (job["serialized_args"] is JsonValue args && JsonScalar.TryGetText(args, out string? text))
        {
            try { job["serialized_args"] = JsonNode.Parse(text); }
            catch (JsonException) { }
        }
        return Result.SingleObject(job);
    }
}

/// <summary>Events</summary>
[CommandGroup("faspex5 admin events")]
internal sealed class EventCommands(Faspex5Plugin plugin, CommandOptions options)
{
    /// <summary>Application events</summary>
    [Command("application")]
    public async Task<Result> Application()
        => Result.ObjectList((await plugin.ApiAsync()).List("application_events", options.Query, "application_events"), ["event_type", "created_at", "application", "user.name"]);

    /// <summary>Webhook events</summary>
    [Command("webhook")]
    public async Task<Result> Webhook()
        => Result.ObjectList((await plugin.ApiAsync()).List("all_webhooks_events", options.Query, "events"));
}

/// <summary>Invitations</summary>
[CommandGroup("faspex5 invitations")]
internal sealed class InvitationCommands(Faspex5Plugin plugin, CommandOptions options)
{
    /// <summary>Create invitation(s) (bulk with --bulk=yes)</summary>
    [Command("create")]
    public async Task<Result> Create([Argument("data", Name = "params", Bulk = true, Types = "Hash")] JsonNode parameters)
    {
        var api = (await plugin.ApiAsync()).Rest;
        bool bulk = options.Bulk == true;
        var items = bulk ? (JsonArray)parameters : new JsonArray(parameters.DeepClone());
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var row = new JsonObject { ["id"] = item?.DeepClone() };
            try
            {
                // invitations to a named recipient are public ones
                string endpoint = item is JsonObject o && o.ContainsKey("recipient_name") ? "public_invitations" : "invitations";
                if (await api.CreateAsync(endpoint, item) is JsonObject created) row = created;
                row["status"] = "created";
            }
            catch (Core.Errors.CliException e) when (options.Bfail == false)
            {
                row["status"] = e.Message;
            }
            rows.Add((JsonNode)row);
        }
        return bulk ? Result.ObjectList(rows, ["id", "status"]) : Result.SingleObject((JsonObject)rows[0]!);
    }

    /// <summary>Resend an invitation</summary>
    [Command("resend")]
    public async Task<Result> Resend([Argument("identifier", Name = "id")] string id)
    {
        await (await plugin.ApiAsync()).Rest.CreateAsync($"invitations/{Faspex5Plugin.PlainId(id)}/resend", new JsonObject());
        return Result.Status("Invitation resent");
    }
}
