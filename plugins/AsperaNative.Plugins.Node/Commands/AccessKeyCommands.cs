using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>Access key management</summary>
[CommandGroup("node access_keys")]
internal sealed class AccessKeyCommands(NodePlugin plugin)
{
    /// <summary>List access key (filter with --query)</summary>
    [Command("list")] public Task<Result> List() => AccessKeys.List(plugin, plugin.Api);
    /// <summary>Show one access key</summary>
    [Command("show")] public Task<Result> Show(CommandContext c) => AccessKeys.Show(plugin.Api, c);
    /// <summary>Create access key</summary>
    [Command("create")] public Task<Result> Create(CommandContext c) => AccessKeys.Create(plugin.Api, c);
    /// <summary>Modify access key</summary>
    [Command("modify")] public Task<Result> Modify(CommandContext c) => AccessKeys.Modify(plugin.Api, c);
    /// <summary>Delete access key</summary>
    [Command("delete")] public Task<Result> Delete(CommandContext c) => AccessKeys.Delete(plugin.Api, c);
    /// <summary>Set public key used to validate bearer tokens (id may be: self)</summary>
    [Command("set_bearer_key")] public Task<Result> SetBearerKey(CommandContext c) => AccessKeys.SetBearerKey(plugin.Api, c);
}

/// <summary>The access key entity operations (<c>/access_keys</c>), shared with <c>v3 access_keys</c>.</summary>
internal static class AccessKeys
{
    private const string Path = "access_keys";

    public static Task<Result> List(NodePlugin p, NodeApiClient api)
        => Task.FromResult(Result.ObjectList(api.List(Path, p.Global.Query?.DeepClone()), ["id", "root_file_id", "storage.type", "storage.path"]));

    public static async Task<Result> Show(NodeApiClient api, CommandContext c)
        => Result.SingleObject(await api.ReadAsync($"{Path}/{Identifier(api, c)}") as JsonObject ?? []);

    public static async Task<Result> Create(NodeApiClient api, CommandContext c)
    {
        var created = await api.CreateAsync(Path, Parameters(c, "creation data")) as JsonObject ?? [];
        created["status"] = "created";
        return Result.SingleObject(created);
    }

    public static async Task<Result> Modify(NodeApiClient api, CommandContext c)
    {
        string id = Identifier(api, c);
        await api.UpdateAsync($"{Path}/{id}", Parameters(c, "modified parameters"));
        return Result.SingleObject(new JsonObject { ["id"] = id, ["status"] = "modified" });
    }

    public static async Task<Result> Delete(NodeApiClient api, CommandContext c)
    {
        string id = Identifier(api, c);
        await api.DeleteAsync($"{Path}/{id}");
        return Result.SingleObject(new JsonObject { ["id"] = id, ["status"] = "deleted" });
    }

    /// <summary>Sets the public key checking bearer token signatures; a private key is accepted, only its public part is sent.</summary>
    public static async Task<Result> SetBearerKey(NodeApiClient api, CommandContext c)
    {
        string id = Identifier(api, c);
        string pem = c.Args.NextString("public or private RSA key PEM value");
        using var rsa = RSA.Create();
        try { rsa.ImportFromPem(pem); }
        catch (ArgumentException) { throw CliException.Other("OpenSSL::PKey::RSAError", "Neither PUB key nor PRIV key"); }
        string publicPem = rsa.ExportSubjectPublicKeyInfoPem() + "\n";
        await api.UpdateAsync($"{Path}/{id}", new JsonObject { ["token_verification_key"] = publicPem });
        return Result.Nothing;
    }

    /// <summary>An access key id; <c>%id:x</c> reads key <c>x</c> (e.g. <c>self</c>) to get its real id, other fields search the list.</summary>
    public static string Identifier(NodeApiClient api, CommandContext c)
        => c.Args.NextIdentifier("identifier", (field, value) =>
        {
            if (field == "id") return (api.ReadAsync($"{Path}/{value}").GetAwaiter().GetResult())?["id"]?.ToString() ?? value;
            var all = api.ReadAsync(Path).GetAwaiter().GetResult() as JsonArray ?? [];
            var found = all.OfType<JsonObject>().Where(k => k[field]?.ToString() == value).ToList();
            if (found.Count != 1) throw CliException.BadArgument($"{Path}: {(found.Count == 0 ? "no" : "multiple")} entry with {field}={value}");
            return found[0]["id"]?.ToString() ?? "";
        });

    private static JsonObject Parameters(CommandContext c, string description)
        => c.Args.NextValue(description) as JsonObject ?? throw CliException.BadArgument($"{description}: expecting Hash");
}
