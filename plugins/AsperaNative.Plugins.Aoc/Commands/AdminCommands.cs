using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Auth.OAuth;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Plugins.Aoc.Api;
using AsperaNative.Rest;
using AsperaNative.Transfer;
using AsperaNative.Transfer.Notifications;

namespace AsperaNative.Plugins.Aoc.Commands;

/// <summary>Organization administration (admin scope)</summary>
[CommandGroup("aoc admin")]
internal sealed class AdminCommands(AocPlugin plugin, BasicAuthOptions basic, AocOptions aoc, CommandOptions options)
{
    /// <summary>Usage reports of workspace</summary>
    [Command("usage_reports")]
    public async Task<Result> UsageReports()
    {
        var api = await plugin.AdminApiAsync();
        var (workspace, _, _) = await plugin.HomeLocationAsync();
        var query = new JsonObject { ["workspace_id"] = workspace.Id };
        if (options.Query is JsonObject user) foreach (var (k, v) in user) query[k] = v?.DeepClone();
        return Result.ObjectList(AocPager.List(api, "usage_reports", query), null, TotalLine.WhenAnnounced);
    }

    /// <summary>Subscription information (BSS)</summary>
    [Command("subscription")]
    public async Task<Result> Subscription()
    {
        var api = await plugin.AdminApiAsync();
        var org = await api.ReadAsync("organization") as JsonObject ?? [];
        plugin.Aoc.Rest.Errors.Add(ProductShapes.BssGraphQl);
        // ascli makes a second API object for the BSS API: the link is read again, the token is of --scope
        await AocLink.ReadAsync(plugin.Aoc.Rest, basic.RequiredUrl);
        var bss = await plugin.Aoc.ServiceAsync("bss/platform/graphql", aoc.Scope ?? AocConnection.ScopeUser);
        var answer = await bss.CreateAsync("", new JsonObject
        {
            ["query"] = SubscriptionQuery,
            ["variables"] = new JsonObject { ["organization_id"] = org["id"]?.DeepClone() },
        });
        return Result.SingleObject(answer?["data"]?["aoc"]?["bssSubscription"] as JsonObject ?? []);
    }

    private const string SubscriptionQuery = """
              query ($organization_id: ID!) {
                aoc (organization_id: $organization_id) {
                  bssSubscription {
                    aocVersion
                    endDate
                    startDate
                    termMonths
                    plan
                    trial
                    termType
                    aocOrganizations {
                      id
                    }
                    additionalStorageVolumeGb
                    additionalEgressVolumeGb
                    term {
                      startDate
                      endDate
                      transferVolumeGb
                      egressVolumeGb
                      storageVolumeGb
                      transferVolumeOffsetGb
                    }
                    paygoRate {
                      transferRate
                      storageRate
                      currency
                    }
                    aocPlanData {
                      tier
                      trial
                      workspaces { max }
                      users {
                        planAmount
                        max
                      }
                      samlIntegration
                      activity
                      sharedInboxes
                      uniqueUrls
                      support
                      watermarking
                      byok
                      automation { planAmount, max }
                    }
                  }
                }
              }

        """;
}

/// <summary>Authentication providers</summary>
[CommandGroup("aoc admin auth_providers")]
internal sealed class AuthProviderCommands(AocPlugin plugin, CommandOptions options)
{
    /// <summary>List</summary>
    [Command("list")]
    public async Task<Result> List()
        => Result.ObjectList(AocPager.List(await plugin.AdminApiAsync(), "admin/auth_providers", options.Query), null, TotalLine.WhenAnnounced);

    /// <summary>Not implemented</summary>
    [Command("update")]
    public async Task<Result> Update()
    {
        await plugin.AdminApiAsync();
        throw CliException.Runtime("not implemented");
    }
}

/// <summary>API clients</summary>
[CommandGroup("aoc admin client")]
internal sealed class ClientCommands(AocPlugin plugin)
{
    /// <summary>Set JWT public key of an API client from a private key</summary>
    [Command("set_pub_key")]
    public async Task<Result> SetPublicKey([Argument("identifier", Name = "id")] string id, [Argument("private_key PEM value", Name = "private_key_pem")] string pem)
    {
        string clientId = await plugin.AdminIdAsync("clients", id);
        using var key = JwtSigner.LoadKey(pem);
        string publicPem = key.ExportSubjectPublicKeyInfoPem() + "\n";
        var api = await plugin.AdminApiAsync();
        await api.UpdateAsync($"clients/{clientId}", new JsonObject { ["jwt_grant_enabled"] = true, ["public_key"] = publicPem });
        return Result.Status("complete");
    }
}

/// <summary>Self (singleton)</summary>
[CommandGroup("aoc admin self")]
internal sealed class AdminSelfCommands(AocPlugin plugin)
{
    /// <summary>Show self</summary>
    [Command("show")]
    public async Task<Result> Show() => await Singleton.ShowAsync(plugin, "self");

    /// <summary>Modify self</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("properties", Name = "params")] JsonObject properties) => await Singleton.ModifyAsync(plugin, "self", properties);
}

/// <summary>Organization (singleton)</summary>
[CommandGroup("aoc admin organization")]
internal sealed class AdminOrganizationCommands(AocPlugin plugin)
{
    /// <summary>Show organization</summary>
    [Command("show")]
    public async Task<Result> Show() => await Singleton.ShowAsync(plugin, "organization");

    /// <summary>Modify organization</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("properties", Name = "params")] JsonObject properties) => await Singleton.ModifyAsync(plugin, "organization", properties);
}

/// <summary>The singletons of the admin objects: one object at the path itself.</summary>
internal static class Singleton
{
    public static async Task<Result> ShowAsync(AocPlugin plugin, string path)
    {
        var item = await (await plugin.AdminApiAsync()).ReadAsync(path) as JsonObject ?? [];
        return Result.SingleObject(item, [.. item.Select(static p => p.Key).Where(static k => k != "certificate")]);
    }

    public static async Task<Result> ModifyAsync(AocPlugin plugin, string path, JsonObject properties)
    {
        // ascli's quirk: the identifier is empty, hence the trailing slash
        await (await plugin.AdminApiAsync()).UpdateAsync($"{path}/", properties);
        return Result.SingleObject(new JsonObject { ["id"] = null, ["status"] = "modified" }, ["id", "status"]);
    }
}

/// <summary>Analytics API</summary>
[CommandGroup("aoc admin analytics")]
internal sealed class AnalyticsCommands(AocPlugin plugin, CommandOptions options, GlobalOptions global, NotificationOptions notification)
{
    /// <summary>Application events of organization</summary>
    [Command("application_events")]
    public async Task<Result> ApplicationEvents()
    {
        var (api, self) = await AnalyticsAsync();
        var answer = await api.ReadAsync($"organizations/{AocLink.Text(self["organization_id"])}/application_events");
        return Result.ObjectList(answer?["application_events"] as JsonArray ?? []);
    }

    /// <summary>Transfer events (--query, --once-only, --notify-to)</summary>
    [Command("transfers")]
    public async Task<Result> Transfers([Argument("resource", Values = ["organizations", "users", "nodes"])] string resource,
        [Argument("identifier", Name = "id")] string? id = null)
    {
        var (api, self) = await AnalyticsAsync();
        id ??= AocLink.Text(resource == "organizations" ? self["organization_id"] : self["id"]);
        var query = options.Query?.DeepClone() as JsonObject ?? [];
        if (!query.ContainsKey("limit")) query["limit"] = 100;
        OnceOnlyState? state = null;
        string? stop = null;
        if (global.OnceOnly == true)
        {
            var workspace = await plugin.Aoc.WorkspaceAsync();
            string stateId = Auth.Cache.TokenCache.Id("aoc_ana_date", plugin.Basic.Url, workspace.Name, resource, id);
            state = new OnceOnlyState(plugin.Aoc.Persistency, stateId, true);
            if ((state.Load() as JsonArray)?.FirstOrDefault() is { } start) query["start_time"] = start.DeepClone();
            stop = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            query["stop_time"] = stop;
        }
        var answer = await api.ReadAsync($"{resource}/{id}/transfers", query);
        state?.Save(new JsonArray(stop));
        var events = answer?["transfers"] as JsonArray ?? [];
        if (notification.NotifyTo is { } to)
        {
            // one e-mail per event, with --notify-template (no default template here): its absence shows with the first event
            Mailer? mailer = null;
            foreach (var ev in events)
            {
                string template = notification.NotifyTemplate ?? throw CliException.BadArgument("Missing mandatory option: notify_template");
                mailer ??= new Mailer(SmtpSettings.From(notification.Smtp));
                mailer.SendTemplate(template, to, new JsonObject { ["ev"] = ev?.DeepClone() });
            }
        }
        return Result.ObjectList(events);
    }

    private async Task<(RestClient Api, JsonObject Self)> AnalyticsAsync()
    {
        await plugin.AdminApiAsync();
        var self = await plugin.Aoc.SelfAsync();
        return (await plugin.Aoc.ServiceAsync("analytics/v2", AocConnection.ScopeAdminUser), self);
    }
}

/// <summary>Workflows</summary>
[CommandGroup("aoc automation workflows")]
internal sealed class WorkflowCommands(AocPlugin plugin)
{
    /// <summary>Launch a workflow</summary>
    [Command("launch")]
    public async Task<Result> Launch([Argument("identifier", Name = "id")] string id)
    {
        var api = (await plugin.Workflows(new CommandContext(plugin.Context))).Api;
        return Result.SingleObject(await api.CreateAsync($"workflows/{id}/launch", new JsonObject()) as JsonObject ?? []);
    }
}

/// <summary>Workflow actions (incomplete)</summary>
[CommandGroup("aoc automation workflows action <id:workflow id>")]
internal sealed class WorkflowActionCommands(AocPlugin plugin)
{
    /// <summary>Create action (not implemented: adds a manual step)</summary>
    [Command("create")]
    public Task<Result> Create(CommandContext c) => ManualStepAsync(c, "create");

    /// <summary>List actions (not implemented: adds a manual step)</summary>
    [Command("list")]
    public Task<Result> List(CommandContext c) => ManualStepAsync(c, "list");

    /// <summary>Show action (not implemented: adds a manual step)</summary>
    [Command("show")]
    public Task<Result> Show(CommandContext c) => ManualStepAsync(c, "show");

    private async Task<Result> ManualStepAsync(CommandContext c, string command)
    {
        var api = (await plugin.Workflows(c)).Api;
        string id = c.Identifier("id");
        CoreServices.Log(plugin.Context).Warn($"Not implemented: {command}");
        var step = await api.CreateAsync("steps", new JsonObject { ["workflow_id"] = id }) as JsonObject ?? [];
        await api.UpdateAsync($"workflows/{id}", new JsonObject { ["step_order"] = new JsonArray(step["id"]?.DeepClone()) });
        var action = await api.CreateAsync("actions", new JsonObject { ["step_id"] = step["id"]?.DeepClone(), ["type"] = "manual" }) as JsonObject ?? [];
        await api.UpdateAsync($"steps/{AocLink.Text(step["id"])}", new JsonObject { ["action_order"] = new JsonArray(action["id"]?.DeepClone()) });
        return Result.SingleObject(await api.ReadAsync($"workflows/{id}") as JsonObject ?? []);
    }
}
