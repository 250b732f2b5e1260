// Plugin faspex5: IBM Aspera Faspex 5. API at {url}/api/v5 (packages, boxes, shared folders, admin entities,
// configuration), OAuth at {url}/auth (token, authorize, oauth_clients), health at {url}/health; public links
// {url}/public/...?context=. Also two local servers: a Faspex 4 API gateway and a post-processing webhook receiver.
// Manual: "Plugin: faspex5: IBM Aspera Faspex v5"; spec: docs/products/faspex5.md.
using System.Text.Json.Nodes;
using AsperaNative.Auth.Cache;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Values;
using AsperaNative.Plugins.Faspex5.Admin;
using AsperaNative.Plugins.Faspex5.Api;
using AsperaNative.Rest;
using AsperaNative.Rest.Entities;
using AsperaNative.Transfer;

namespace AsperaNative.Plugins.Faspex5;

/// <summary>IBM Aspera Faspex 5</summary>
[Plugin("faspex5")]
[MountCommands(typeof(Faspex5Resources), "admin", Scope = nameof(Resources))]
[MountCommands(typeof(Faspex5Resources), "admin resource", Scope = nameof(DeprecatedResources))]
[MountCommands(typeof(Entity), "invitations", Scope = nameof(Invitations), Verbs = "delete|list|modify|show", Name = "invitation")]
public sealed partial class Faspex5Plugin(BasicAuthOptions auth, Faspex5Options options, CommandOptions commands, RestFactory rest, TokenCache tokens,
    TransferRunner transfer, RunFolders folders, PluginContext context) : IApplicationDetector, IApplicationWizard
{
    private Faspex5Connection? _connection;

    public BasicAuthOptions Auth { get; } = auth;
    public Faspex5Options Options { get; } = options;
    public CommandOptions Commands { get; } = commands;
    public RestFactory Rest { get; } = rest;
    public TransferRunner Transfer { get; } = transfer;
    public RunFolders Folders { get; } = folders;
    public PluginContext Context { get; } = context;

    /// <summary>The Faspex 5 of the options, connected on first use (ascli's <c>set_api</c>).</summary>
    public async Task<Faspex5Connection> ConnectionAsync() => _connection ??= await Faspex5Connection.OpenAsync(Auth, Options, Rest, tokens, Context);

    /// <summary>The API of the connection.</summary>
    public async Task<Faspex5Api> ApiAsync() => (await ConnectionAsync()).Api;

    /// <summary>The admin entities (<c>admin accounts</c>, <c>admin nodes</c>…).</summary>
    public async Task<Faspex5Resources> Resources() => new(await ConnectionAsync(), Context);

    /// <summary><c>admin resource &lt;entity&gt;</c>: the same entities, with ascli's deprecation warning.</summary>
    public async Task<Faspex5Resources> DeprecatedResources()
    {
        CoreServices.Log(Context).Warn("resource command is deprecated (4.18), directly use the specific command instead");
        return await Resources();
    }

    /// <summary><c>invitations</c>: the user's invitations, <c>%field:value</c> looked up among all of them.</summary>
    public async Task<Entity> Invitations()
    {
        var api = await ApiAsync();
        return new Entity(api.Rest, "invitations")
        {
            ItemListKey = "invitations",
            Fields = ["id", "public", "recipient_type", "recipient_name", "email_address"],
            LookupValue = (field, value) => api.LookupIdAsync("invitations", field, value, query: []),
        };
    }

    /// <summary>A command's identifier with no lookup: a <c>%field:value</c> selector is refused.</summary>
    public static string PlainId(string id) => InstanceIdentifier.Plain(id);

    /// <summary>ascli's refusal of a value that is not a String where one is expected.</summary>
    public static CliException NotString(string what, string cls) => CliException.Assertion($"{what} shall be String, but have: {cls}");

    /// <summary>The <c>%field:value</c> of a selector, the value evaluated as an extended value; null when not a selector.</summary>
    public (string Field, JsonNode? Value)? Selector(string text)
    {
        if (!InstanceIdentifier.IsSelector(text)) return null;
        int colon = text.IndexOf(':');
        return (text[1..colon], Core.ExtendedValues.ExtendedValue.Evaluate(text[(colon + 1)..], Context.ExtendedValues));
    }

    /// <summary>The text of a JSON scalar as Ruby's <c>to_s</c>.</summary>
    public static string Text(JsonNode? node) => node is null ? "" : RubyToS.Of(node);
}
