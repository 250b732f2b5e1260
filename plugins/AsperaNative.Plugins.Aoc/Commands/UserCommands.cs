using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Plugins.Aoc.Api;

namespace AsperaNative.Plugins.Aoc.Commands;

/// <summary>User profile</summary>
[CommandGroup("aoc user profile")]
internal sealed class ProfileCommands(AocPlugin plugin)
{
    /// <summary>Show profile</summary>
    [Command("show")]
    public async Task<Result> Show() => Result.SingleObject(await plugin.Aoc.SelfAsync());

    /// <summary>Modify profile</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("properties", Name = "params")] JsonObject properties)
    {
        var self = await plugin.Aoc.SelfAsync();
        await (await plugin.Aoc.ApiAsync()).UpdateAsync($"users/{AocLink.Text(self["id"])}", properties);
        return Result.Status("modified");
    }
}

/// <summary>User preferences</summary>
[CommandGroup("aoc user preferences")]
internal sealed class PreferencesCommands(AocPlugin plugin)
{
    /// <summary>Show preferences</summary>
    [Command("show")]
    public async Task<Result> Show()
        => Result.SingleObject(await (await plugin.Aoc.ApiAsync()).ReadAsync(await PathAsync()) as JsonObject ?? []);

    /// <summary>Modify preferences</summary>
    [Command("modify")]
    public async Task<Result> Modify([Argument("properties", Name = "params")] JsonObject properties)
    {
        await (await plugin.Aoc.ApiAsync()).UpdateAsync(await PathAsync(), properties);
        return Result.Status("modified");
    }

    private async Task<string> PathAsync() => $"users/{AocLink.Text((await plugin.Aoc.SelfAsync())["id"])}/user_interaction_preferences";
}

/// <summary>Workspaces</summary>
[CommandGroup("aoc user workspaces")]
internal sealed class WorkspaceCommands(AocPlugin plugin, CommandOptions options)
{
    /// <summary>List workspaces</summary>
    [Command("list")]
    public async Task<Result> List()
        => Result.ObjectList(AocPager.List(await plugin.Aoc.ApiAsync(), "workspaces", options.Query), ["id", "name"], TotalLine.WhenAnnounced);

    /// <summary>Show current workspace</summary>
    [Command("current")]
    public async Task<Result> Current()
    {
        var (workspace, _, _) = await plugin.HomeLocationAsync();
        return Result.SingleObject(await (await plugin.Aoc.ApiAsync()).ReadAsync($"workspaces/{workspace.Id}") as JsonObject ?? []);
    }
}
