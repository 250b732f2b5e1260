using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Plugins.Faspex.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Faspex.Commands;

/// <summary>The user, the address book, the login methods and the health of Faspex</summary>
[CommandGroup("faspex")]
internal sealed class InfoCommands(FaspexPlugin plugin, PluginContext context)
{
    /// <summary>Current user information</summary>
    [Command("me")]
    public async Task<Result> Me() => Result.SingleObject(await plugin.V3.ReadAsync("me") as JsonObject ?? []);

    /// <summary>Nagios-style health check of the Faspex API</summary>
    [Command("health")]
    public async Task<Result> Health()
    {
        var nagios = new NagiosChecks();
        try
        {
            await plugin.V3.ReadAsync("me");
            nagios.Ok("faspex api", "accessible");
        }
        catch (CliException e)
        {
            nagios.Critical("faspex api", e.Message);
        }
        return nagios.Result;
    }

    /// <summary>List address book</summary>
    [Command("address_book")]
    public async Task<Result> AddressBook()
    {
        var book = await plugin.V3.ReadAsync("address-book", new JsonObject { ["format"] = "json", ["count"] = 100000 }) as JsonObject ?? [];
        context.Status($"users: {RubyToS.Of(book["itemsPerPage"])}/{RubyToS.Of(book["totalResults"])}, start:{RubyToS.Of(book["startIndex"])}");
        var users = book["entry"] as JsonArray ?? [];
        var log = CoreServices.Log(context);
        foreach (var user in users.OfType<JsonObject>())
        {
            if (user["emails"] is JsonArray emails
                && emails.OfType<JsonObject>().FirstOrDefault(static e => Mailbox.Text(e["primary"]) == "true") is { } primary)
                user["email"] = primary["value"]?.DeepClone();
            if (user["email"] is null)
            {
                log.Warn($"Skip user without email: {RubyInspect.Inspect(user)}");
                continue;
            }
            string display = RubyToS.Of(user["displayName"]);
            var names = display.Split(' ', 2, StringSplitOptions.None);
            user["first_name"] = names[0];
            user["last_name"] = names.Length > 1 ? names[1] : null;
            user["x"] = true;
        }
        return Result.ObjectList(users);
    }

    /// <summary>List login methods</summary>
    [Command("login_methods")]
    public async Task<Result> LoginMethods()
    {
        var response = await plugin.V3.CallAsync(new RestRequest("GET", "login/new") { Headers = new Dictionary<string, string> { ["Accept"] = "application/xrds+xml" } });
        var methods = Faspex4Xml.Parse(response.Text, Faspex4Xml.NoLists);
        return methods["XRD"]?["Service"] switch
        {
            JsonArray list => Result.ObjectList(list),
            JsonObject one => Result.ObjectList(new JsonArray(one.DeepClone())),
            _ => throw CliException.Other("NoMethodError", "undefined method `[]' for nil"),
        };
    }
}

/// <summary>Dropboxes</summary>
[CommandGroup("faspex dropbox")]
internal sealed class DropboxCommands(FaspexPlugin plugin)
{
    private static readonly string[] Fields = ["name", "id", "description", "can_read", "can_write"];

    /// <summary>List dropboxes</summary>
    [Command("list")]
    public async Task<Result> List() => Result.ObjectList((await plugin.V3.ReadAsync("dropboxes"))?["items"] as JsonArray ?? [], Fields);
}
