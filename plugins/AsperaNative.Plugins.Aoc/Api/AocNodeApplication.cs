using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.NodeApi.Api;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Aoc.Api;

/// <summary>
/// What AoC adds to the gen4 calls on one of its nodes (ascli's <c>app_info</c>): the transfer tags and cookie of the
/// workspace and application, the node's transfer address, other nodes reached through shared-folder links, the
/// workspace tags of new permissions and the <c>events</c> that tell AoC about permission changes.
/// </summary>
public sealed class AocNodeApplication(AocConnection aoc, JsonObject node, AocNodeUse use) : INodeApplication
{
    public static readonly string[] AllAccessLevels = ["delete", "list", "mkdir", "preview", "read", "rename", "write"];

    public string NodeId { get; } = AocLink.Text(node["id"]);
    public JsonObject Node => node;
    public AocNodeUse Use => use;

    public string? TransferHost => node["transfer_url"] is JsonValue v && JsonScalar.TryGetText(v, out string? url) && url.Length > 0 ? url : null;

    public async Task AddTransferTagsAsync(JsonObject spec, CancellationToken cancel = default)
    {
        var self = await aoc.UserInfoAsync(cancel);
        string direction = AocLink.Text(spec["direction"]);
        bool packages = use.App == "packages";
        string action = (direction == "send" ? "upload_" : "download_") + (packages ? "package" : "file");
        var aspera = spec["tags"]!["aspera"]!.AsObject();
        aspera["usage_id"] = $"aspera.files.workspace.{use.Workspace.Id}";
        var files = new JsonObject
        {
            ["files_transfer_action"] = action,
            ["workspace_name"] = use.Workspace.Name,
            ["workspace_id"] = use.Workspace.Id,
        };
        if (packages && use.Package is { } package)
        {
            files["package_id"] = package["id"]?.DeepClone();
            files["package_name"] = package["name"]?.DeepClone();
            files["package_operation"] = direction == "send" ? "upload" : "download";
        }
        else if (!packages && spec["remote_access_key"] is null)
        {
            files["parentCwd"] = $"{NodeId}:{AocLink.Text(aspera["node"]?["file_id"])}";
        }
        files["node_id"] = NodeId;
        aspera["files"] = files;
        aspera["app"] = use.App;
        string user = self["name"] is JsonValue n && JsonScalar.TryGetText(n, out string? name) ? name : "public link";
        string email = self["email"] is JsonValue e && JsonScalar.TryGetText(e, out string? mail) ? mail : "none";
        spec["cookie"] = "aspera.aoc:" + B64(use.App) + ":" + B64(user) + ":" + B64(email);
    }

    public Task<NodeApiClient> NodeApiAsync(string nodeId, CancellationToken cancel = default)
        => aoc.NodeApiAsync(nodeId, use, cancel: cancel);

    public async Task PreparePermissionAsync(JsonObject parameters, CancellationToken cancel = default)
    {
        var self = await aoc.UserInfoAsync(cancel);
        string? wsId = use.Workspace.Id;
        if (parameters.Remove("with", out var with))
        {
            string who = AocLink.Text(with);
            if (who.Length == 0)
            {
                string admin = $"ASPERA_ACCESS_KEY_ADMIN_WS_{wsId}";
                parameters["access_type"] = "user";
                parameters["access_id"] = admin;
                Shared(parameters)["shared_with_name"] = admin;
            }
            else
            {
                var api = await aoc.ApiAsync(cancel);
                var contact = await AocLookup.EntityAsync(api, "contacts", who, new JsonObject { ["current_workspace_id"] = wsId }, cancel);
                parameters["access_type"] = contact["source_type"]?.DeepClone();
                parameters["access_id"] = contact["source_id"]?.DeepClone();
                Shared(parameters)["shared_with_name"] = contact["email"]?.DeepClone();
            }
        }
        if (parameters.Remove("as", out var shareAs)) Shared(parameters)["share_as"] = shareAs;
        var workspace = Shared(parameters);
        workspace["id"] = wsId;
        workspace["workspace_name"] = use.Workspace.Name;
        workspace["user_name"] = self["name"]?.DeepClone();
        workspace["shared_by_user_id"] = self["id"]?.DeepClone();
        workspace["shared_by_name"] = self["name"]?.DeepClone();
        workspace["shared_by_email"] = self["email"]?.DeepClone();
        workspace["access_key"] = node["access_key"]?.DeepClone();
        workspace["node"] = node["name"]?.DeepClone();
    }

    private string? _linkName;

    /// <summary><c>tags.aspera.files.workspace</c> of permission parameters (made when missing); <c>link_name</c> is kept for the event.</summary>
    private JsonObject Shared(JsonObject parameters)
    {
        if (parameters.Remove("link_name", out var link)) _linkName = AocLink.Text(link);
        var tags = parameters["tags"] as JsonObject ?? (JsonObject)(parameters["tags"] = new JsonObject());
        var aspera = tags["aspera"] as JsonObject ?? (JsonObject)(tags["aspera"] = new JsonObject());
        var files = aspera["files"] as JsonObject ?? (JsonObject)(aspera["files"] = new JsonObject());
        return files["workspace"] as JsonObject ?? (JsonObject)(files["workspace"] = new JsonObject());
    }

    public async Task PermissionEventAsync(JsonNode? data, IReadOnlyList<string> types, CancellationToken cancel = default)
    {
        var api = await aoc.ApiAsync(cancel);
        var body = new JsonObject
        {
            ["types"] = new JsonArray([.. types.Select(static t => (JsonNode)t)]),
            ["node_id"] = NodeId,
            ["workspace_id"] = use.Workspace.Id,
            ["data"] = data,
        };
        if (_linkName is not null) body["link_name"] = _linkName;
        await api.CreateAsync("events", body, cancel);
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
