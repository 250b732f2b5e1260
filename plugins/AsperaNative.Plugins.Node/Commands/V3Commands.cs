using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary>Classic node API calls using the access key credentials</summary>
[CommandGroup("node access_keys do <id> v3")]
internal sealed class V3Commands(NodePlugin plugin)
{
    private async Task<NodeApiClient> Api(CommandContext c) => (await plugin.AccessKeyAsync(c)).Api;

    /// <summary>List folder contents (query: recursive, max, self, skip)</summary>
    [Command("browse")] public async Task<Result> Browse(CommandContext c) => await Gen3Files.Browse(plugin, await Api(c), c);
    /// <summary>Delete file(s) or folder(s)</summary>
    [Command("delete")] public async Task<Result> Delete(CommandContext c) => await Gen3Files.Delete(await Api(c), c);
    /// <summary>Create folder(s)</summary>
    [Command("mkdir")] public async Task<Result> Mkdir(CommandContext c) => await Gen3Files.Mkdir(await Api(c), c);
    /// <summary>Create a file with the given text contents</summary>
    [Command("mkfile")] public async Task<Result> Mkfile(CommandContext c) => await Gen3Files.Mkfile(await Api(c), c);
    /// <summary>Create a symbolic link</summary>
    [Command("mklink")] public async Task<Result> Mklink(CommandContext c) => await Gen3Files.Mklink(await Api(c), c);
    /// <summary>Rename an entry located in a folder</summary>
    [Command("rename")] public async Task<Result> Rename(CommandContext c) => await Gen3Files.Rename(await Api(c), c);
    /// <summary>Search files under a folder (criteria via --query)</summary>
    [Command("search")] public async Task<Result> Search(CommandContext c) => await Gen3Files.Search(plugin, await Api(c), c);
    /// <summary>Disk space information for paths</summary>
    [Command("space")] public async Task<Result> Space(CommandContext c) => await Gen3Files.Space(await Api(c), c);
    /// <summary>Upload files (destination: --to-folder)</summary>
    [Command("upload")] public async Task<Result> Upload(CommandContext c) => await Gen3Files.Upload(plugin, await Api(c), c);
    /// <summary>Download files (destination: --to-folder)</summary>
    [Command("download")] public async Task<Result> Download(CommandContext c) => await Gen3Files.Download(plugin, await Api(c), c);
    /// <summary>Download one file over HTTP from the node API</summary>
    [Command("http_node_download")] public async Task<Result> HttpNodeDownload(CommandContext c) => await Gen3Files.HttpNodeDownload(plugin, await Api(c), c);
    /// <summary>Node information (version, capabilities, ...)</summary>
    [Command("info")] public async Task<Result> Info(CommandContext c) => await Gen3Admin.Info(await Api(c));
    /// <summary>Show node license information</summary>
    [Command("license")] public async Task<Result> License(CommandContext c) => await Gen3Admin.License(await Api(c), c);
    /// <summary>Show API base URL and connection parameters</summary>
    [Command("api_details")] public async Task<Result> ApiDetails(CommandContext c) => Gen3Admin.ApiDetails(await Api(c));
    /// <summary>List node events (filter with --query)</summary>
    [Command("events")] public async Task<Result> Events(CommandContext c) => await Gen3Admin.Events(plugin, await Api(c));
    /// <summary>Nagios-style health check of node and its central API</summary>
    [Command("health")] public async Task<Result> Health(CommandContext c) => await Gen3Admin.Health(await Api(c));
    /// <summary>Raw answer of the API root endpoint</summary>
    [Command("slash")] public async Task<Result> Slash(CommandContext c) => await Gen3Admin.Slash(await Api(c));
    /// <summary>Show transport parameters (FASP) given by the node</summary>
    [Command("transport")] public async Task<Result> Transport(CommandContext c) => await Gen3Admin.Transport(await Api(c));
}

/// <summary>Access key management</summary>
[CommandGroup("node access_keys do <id> v3 access_keys")]
internal sealed class V3AccessKeyCommands(NodePlugin plugin)
{
    private async Task<NodeApiClient> Api(CommandContext c) => (await plugin.AccessKeyAsync(c)).Api;

    /// <summary>List access key (filter with --query)</summary>
    [Command("list")] public async Task<Result> List(CommandContext c) => await AccessKeys.List(plugin, await Api(c));
    /// <summary>Show one access key</summary>
    [Command("show")] public async Task<Result> Show(CommandContext c) => await AccessKeys.Show(await Api(c), c);
    /// <summary>Create access key</summary>
    [Command("create")] public async Task<Result> Create(CommandContext c) => await AccessKeys.Create(await Api(c), c);
    /// <summary>Modify access key</summary>
    [Command("modify")] public async Task<Result> Modify(CommandContext c) => await AccessKeys.Modify(await Api(c), c);
    /// <summary>Delete access key</summary>
    [Command("delete")] public async Task<Result> Delete(CommandContext c) => await AccessKeys.Delete(await Api(c), c);
    /// <summary>Set public key used to validate bearer tokens (id may be: self)</summary>
    [Command("set_bearer_key")] public async Task<Result> SetBearerKey(CommandContext c) => await AccessKeys.SetBearerKey(await Api(c), c);

    /// <summary>Operate on files inside an access key</summary>
    [Command("do")]
    public async Task<Result> Do(CommandContext c)
    {
        // the same sub-tree as "node access_keys do <id>", reached with the access key's credentials
        var scope = await plugin.AccessKeyAsync(c);
        plugin.EnterV3(scope);
        var subtree = NodePluginDescriptor.Instance.Tree.Child("access_keys")!.Child("do")!;
        c.Identifiers.Remove("id");
        return await CommandRunner.Run(plugin, subtree, c);
    }
}
