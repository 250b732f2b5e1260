using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Rest.Entities;

namespace AsperaNative.Plugins.Shares.Commands;

/// <summary>Users and groups of the directories: LDAP names added, SAML identities imported (bulk with --bulk=yes)</summary>
internal static partial class DirectoryImport
{
    private static readonly string[] SamlMandatory = ["id", "name_id"];
    private static readonly string[] SamlAllowed = ["email", "given_name", "surname", .. SamlMandatory];

    /// <summary><c>POST data/ldap_&lt;type&gt;s</c> with <c>{"&lt;type&gt;": name}</c> per name.</summary>
    public static Task<Result> AddLdap(SharesPlugin plugin, CommandOptions options, PluginContext context, string type, JsonNode names)
        => BulkOperation.RunAsync(options, context, "add", names, async name =>
            await plugin.AdminApi.CreateAsync($"data/ldap_{type}s", new JsonObject { [type] = name.DeepClone() }) as JsonObject);

    /// <summary><c>POST data/saml_&lt;type&gt;s/import</c> per identity, keys normalised and checked as ascli does.</summary>
    public static Task<Result> ImportSaml(SharesPlugin plugin, CommandOptions options, PluginContext context, string type, JsonNode identities)
        => BulkOperation.RunAsync(options, context, "import", identities, async identity =>
        {
            var fields = new JsonObject();
            foreach (var (key, value) in identity as JsonObject ?? [])
                fields[Whitespace().Replace(key, "_").ToLowerInvariant()] = value?.DeepClone();
            foreach (var mandatory in SamlMandatory)
                if (fields[mandatory] is null) throw CliException.Runtime($"missing mandatory field: {mandatory}");
            foreach (var (key, _) in fields)
                if (!SamlAllowed.Contains(key)) throw CliException.Runtime($"unsupported field: {key}, use: {string.Join(',', SamlAllowed)}");
            return await plugin.AdminApi.CreateAsync($"data/saml_{type}s/import", fields) as JsonObject;
        });

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>LDAP users</summary>
[CommandGroup("shares admin user ldap")]
internal sealed class LdapUserCommands(SharesPlugin plugin, CommandOptions options, PluginContext context)
{
    /// <summary>Add LDAP user(s) (--bulk)</summary>
    [Command("add")]
    public Task<Result> Add([Argument("parameters for add", Name = "name", Bulk = true, Types = "String")] JsonNode names)
        => DirectoryImport.AddLdap(plugin, options, context, "user", names);
}

/// <summary>SAML users</summary>
[CommandGroup("shares admin user saml")]
internal sealed class SamlUserCommands(SharesPlugin plugin, CommandOptions options, PluginContext context)
{
    /// <summary>Import SAML user(s)</summary>
    [Command("import")]
    public Task<Result> Import([Argument("parameters for import", Name = "params", Bulk = true, Types = "Hash")] JsonNode identities)
        => DirectoryImport.ImportSaml(plugin, options, context, "user", identities);
}

/// <summary>LDAP groups</summary>
[CommandGroup("shares admin group ldap")]
internal sealed class LdapGroupCommands(SharesPlugin plugin, CommandOptions options, PluginContext context)
{
    /// <summary>Add LDAP group(s) (--bulk)</summary>
    [Command("add")]
    public Task<Result> Add([Argument("parameters for add", Name = "name", Bulk = true, Types = "String")] JsonNode names)
        => DirectoryImport.AddLdap(plugin, options, context, "group", names);
}

/// <summary>SAML groups</summary>
[CommandGroup("shares admin group saml")]
internal sealed class SamlGroupCommands(SharesPlugin plugin, CommandOptions options, PluginContext context)
{
    /// <summary>Import SAML group(s)</summary>
    [Command("import")]
    public Task<Result> Import([Argument("parameters for import", Name = "params", Bulk = true, Types = "Hash")] JsonNode identities)
        => DirectoryImport.ImportSaml(plugin, options, context, "group", identities);
}
