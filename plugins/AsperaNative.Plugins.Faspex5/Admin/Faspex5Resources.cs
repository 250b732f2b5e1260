// Faspex 5 admin entities ({url}/api/v5: accounts, contacts, jobs, nodes, shared_inboxes, workgroups…, and
// oauth_clients on {url}/auth) on the plugin kit's entity commands, with their extra commands (members, SAML groups,
// external collaborators, node browsing and shared folders, password reset). Mounted at `admin` and at the
// deprecated `admin resource`. Manual: "Plugin: faspex5", admin; spec: docs/products/faspex5.md §7.1.
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Plugins.Faspex5.Api;
using AsperaNative.Rest;
using AsperaNative.Rest.Entities;

namespace AsperaNative.Plugins.Faspex5.Admin;

/// <summary>The admin entities of a Faspex 5 connection.</summary>
[CommandSet("f5admin")]
[MountCommands(typeof(Entity), "accounts", Scope = nameof(Resource), Key = "accounts", Name = "accounts")]
[MountCommands(typeof(Entity), "alternate_addresses", Scope = nameof(Resource), Key = "alternate_addresses", Name = "alternate addresses")]
[MountCommands(typeof(Entity), "contacts", Scope = nameof(Resource), Key = "contacts", Name = "contacts")]
[MountCommands(typeof(Entity), "distribution_lists", Scope = nameof(Resource), Key = "distribution_lists", Name = "distribution lists")]
[MountCommands(typeof(Entity), "email_notifications", Scope = nameof(Resource), Key = "email_notifications", Name = "email notifications")]
[MountCommands(typeof(Entity), "jobs", Scope = nameof(Resource), Key = "jobs", Name = "jobs")]
[MountCommands(typeof(Entity), "metadata_profiles", Scope = nameof(Resource), Key = "metadata_profiles", Name = "metadata profiles")]
[MountCommands(typeof(Entity), "nodes", Scope = nameof(Resource), Key = "nodes", Name = "nodes")]
[MountCommands(typeof(Entity), "oauth_clients", Scope = nameof(Resource), Key = "oauth_clients", Name = "oauth clients")]
[MountCommands(typeof(Entity), "registrations", Scope = nameof(Resource), Key = "registrations", Name = "registrations")]
[MountCommands(typeof(Entity), "saml_configs", Scope = nameof(Resource), Key = "saml_configs", Name = "saml configs")]
[MountCommands(typeof(Entity), "shared_inboxes", Scope = nameof(Resource), Key = "shared_inboxes", Name = "shared inboxes")]
[MountCommands(typeof(Entity), "webhooks", Scope = nameof(Resource), Key = "webhooks", Name = "webhooks")]
[MountCommands(typeof(Entity), "workgroups", Scope = nameof(Resource), Key = "workgroups", Name = "workgroups")]
[MountCommands(typeof(Entity), "nodes shared_folders <id>", Scope = nameof(NodeSharedFolders), Name = "shared folder")]
[MountCommands(typeof(Entity), "nodes shared_folders <id> user <shared_folder_id>", Scope = nameof(SharedFolderUsers), Name = "user")]
[MountCommands(typeof(Entity), "shared_inboxes members <id>", Scope = nameof(Members), Key = "shared_inboxes", Verbs = "delete|list|modify", Name = "member")]
[MountCommands(typeof(Entity), "workgroups members <id>", Scope = nameof(Members), Key = "workgroups", Verbs = "delete|list|modify", Name = "member")]
[MountCommands(typeof(Entity), "shared_inboxes saml_groups <id>", Scope = nameof(SamlGroups), Key = "shared_inboxes", Verbs = "create|delete|list|modify", Name = "SAML group")]
[MountCommands(typeof(Entity), "workgroups saml_groups <id>", Scope = nameof(SamlGroups), Key = "workgroups", Verbs = "create|delete|list|modify", Name = "SAML group")]
public sealed class Faspex5Resources(Faspex5Connection connection, PluginContext context)
{
    /// <summary>Account types looked up for members (local, SAML, self-registered and external users).</summary>
    public static readonly JsonObject MemberAccountQuery = new()
    {
        ["type"] = new JsonArray(RestQuery.PhpArrayMarker, "local_user", "saml_user", "self_registered_user", "external_user"),
    };

    public Faspex5Connection Connection { get; } = connection;
    public Faspex5Api Api => Connection.Api;
    public PluginContext Context { get; } = context;

    /// <summary>The resource path below the API of an admin word.</summary>
    public static string PathOf(string word) => word switch
    {
        "metadata_profiles" => "configuration/metadata_profiles",
        "alternate_addresses" => "configuration/alternate_addresses",
        "distribution_lists" => "account/distribution_lists",
        _ => word,
    };

    /// <summary>The key of the list in the list answers (none for email notifications).</summary>
    public static string? ListKeyOf(string word) => word switch
    {
        "metadata_profiles" => "profiles",
        "email_notifications" => null,
        _ => word,
    };

    /// <summary>Shared inboxes and workgroups are looked up among all of them (<c>all=true</c>), others by name (<c>q=</c>).</summary>
    public static JsonObject? LookupQueryOf(string word) => word is "shared_inboxes" or "workgroups" ? new JsonObject { ["all"] = true } : null;

    /// <summary>An admin entity (<c>admin accounts</c>…).</summary>
    public Entity Resource(string word, CommandContext command)
    {
        string path = PathOf(word);
        string? listKey = ListKeyOf(word);
        var query = LookupQueryOf(word);
        return new Entity(word == "oauth_clients" ? Connection.AuthApi : Api.Rest, path)
        {
            ItemListKey = listKey,
            Fields = word switch
            {
                "accounts" => ["ALL", "-user_profile_data_attributes"],
                "oauth_clients" => ["ALL", "-public_key"],
                _ => null,
            },
            DeleteStyle = word == "distribution_lists" ? "ids" : null,
            IdAsArgument = word == "email_notifications" ? "type" : null,
            LookupValue = listKey is null
                ? (field, value) => NoListLookup(path, field, value)
                : (field, value) => Api.LookupIdAsync(word, field, value, path, listKey, query?.DeepClone() as JsonObject),
        };
    }

    // email notifications have no list key: ascli's lookup reads the list, then finds no Array in it
    private async Task<string> NoListLookup(string path, string field, JsonNode? value)
    {
        if (field != "name") throw CliException.Assertion("Default query is on name only");
        await Api.Rest.ReadAsync(path, new JsonObject { ["limit"] = Faspex5Api.PageSize, ["q"] = value?.DeepClone(), ["offset"] = 0 });
        throw CliException.Assertion("expecting Array, but have nil");
    }

    /// <summary>The id of a node (<c>%name:</c> looked up among the nodes).</summary>
    public async Task<string> NodeIdAsync(string given)
        => Selector(given) is { } s ? await Api.LookupIdAsync("nodes", s.Field, s.Value) : given;

    /// <summary>The id of a shared inbox or workgroup (<c>%field:value</c> looked up among all of them).</summary>
    public async Task<string> GroupIdAsync(string word, string given)
        => Selector(given) is { } s ? await Api.LookupIdAsync(word, s.Field, s.Value, query: LookupQueryOf(word)) : given;

    /// <summary>The id of a user account from a <c>%field:value</c> selector (members are users).</summary>
    public Task<string> AccountIdAsync(string field, JsonNode? value)
        => Api.LookupIdAsync("accounts", field, value, query: (JsonObject)MemberAccountQuery.DeepClone());

    /// <summary><c>nodes shared_folders &lt;id&gt;</c>: the shared folders of a node.</summary>
    public async Task<Entity> NodeSharedFolders(CommandContext command)
    {
        string path = $"nodes/{await NodeIdAsync(command.Identifier("id"))}/shared_folders";
        return new Entity(Api.Rest, path)
        {
            ItemListKey = "shared_folders",
            LookupValue = (field, value) => Api.LookupIdAsync("shared_folders", field, value, path, "shared_folders"),
        };
    }

    /// <summary><c>nodes shared_folders &lt;id&gt; user &lt;shared_folder_id&gt;</c>: the custom access users of a shared folder.</summary>
    public async Task<Entity> SharedFolderUsers(CommandContext command)
    {
        string folders = $"nodes/{await NodeIdAsync(command.Identifier("id"))}/shared_folders";
        string given = command.Identifier("shared_folder_id");
        string folder = Selector(given) is { } s ? await Api.LookupIdAsync("shared_folders", s.Field, s.Value, folders, "shared_folders") : given;
        string path = $"{folders}/{folder}/custom_access_users";
        return new Entity(Api.Rest, path)
        {
            ItemListKey = "users",
            LookupValue = (field, value) => Api.LookupIdAsync("users", field, value, path, "users"),
        };
    }

    /// <summary><c>shared_inboxes|workgroups members &lt;id&gt;</c>: selectors name accounts (a member is given by its user).</summary>
    public async Task<Entity> Members(string word, CommandContext command) => new(Api.Rest, $"{word}/{await GroupIdAsync(word, command.Identifier("id"))}/members")
    {
        ItemListKey = "members",
        LookupValue = AccountIdAsync,
    };

    /// <summary><c>shared_inboxes|workgroups saml_groups &lt;id&gt;</c>: selectors name accounts, as for members.</summary>
    public async Task<Entity> SamlGroups(string word, CommandContext command) => new(Api.Rest, $"{word}/{await GroupIdAsync(word, command.Identifier("id"))}/saml_groups")
    {
        ItemListKey = "groups",
        LookupValue = AccountIdAsync,
    };

    public (string Field, JsonNode? Value)? Selector(string text)
    {
        if (!InstanceIdentifier.IsSelector(text)) return null;
        int colon = text.IndexOf(':');
        return (text[1..colon], Core.ExtendedValues.ExtendedValue.Evaluate(text[(colon + 1)..], Context.ExtendedValues));
    }
}
