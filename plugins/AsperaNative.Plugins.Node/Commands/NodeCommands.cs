using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary><c>node</c>: gen3 file operations on paths and node information</summary>
[CommandGroup("node")]
internal sealed class NodeCommands(NodePlugin plugin)
{
    /// <summary>List folder contents (query: recursive, max, self, skip)</summary>
    [Command("browse")] public Task<Result> Browse(CommandContext c) => Gen3Files.Browse(plugin, plugin.Api, c);
    /// <summary>Delete file(s) or folder(s)</summary>
    [Command("delete")] public Task<Result> Delete(CommandContext c) => Gen3Files.Delete(plugin.Api, c);
    /// <summary>Create folder(s)</summary>
    [Command("mkdir")] public Task<Result> Mkdir(CommandContext c) => Gen3Files.Mkdir(plugin.Api, c);
    /// <summary>Create a file with the given text contents</summary>
    [Command("mkfile")] public Task<Result> Mkfile(CommandContext c) => Gen3Files.Mkfile(plugin.Api, c);
    /// <summary>Create a symbolic link</summary>
    [Command("mklink")] public Task<Result> Mklink(CommandContext c) => Gen3Files.Mklink(plugin.Api, c);
    /// <summary>Rename an entry located in a folder</summary>
    [Command("rename")] public Task<Result> Rename(CommandContext c) => Gen3Files.Rename(plugin.Api, c);
    /// <summary>Search files under a folder (criteria via --query)</summary>
    [Command("search")] public Task<Result> Search(CommandContext c) => Gen3Files.Search(plugin, plugin.Api, c);
    /// <summary>Disk space information for paths</summary>
    [Command("space")] public Task<Result> Space(CommandContext c) => Gen3Files.Space(plugin.Api, c);
    /// <summary>Upload files (destination: --to-folder)</summary>
    [Command("upload")] public Task<Result> Upload(CommandContext c) => Gen3Files.Upload(plugin, plugin.Api, c);
    /// <summary>Download files (destination: --to-folder)</summary>
    [Command("download")] public Task<Result> Download(CommandContext c) => Gen3Files.Download(plugin, plugin.Api, c);
    /// <summary>Download one file over HTTP from the node API</summary>
    [Command("http_node_download")] public Task<Result> HttpNodeDownload(CommandContext c) => Gen3Files.HttpNodeDownload(plugin, plugin.Api, c);
    /// <summary>Node information (version, capabilities, ...)</summary>
    [Command("info")] public Task<Result> Info() => Gen3Admin.Info(plugin.Api);
    /// <summary>Show node license information</summary>
    [Command("license")] public Task<Result> License(CommandContext c) => Gen3Admin.License(plugin.Api, c);
    /// <summary>Show API base URL and connection parameters</summary>
    [Command("api_details")] public Result ApiDetails() => Gen3Admin.ApiDetails(plugin.Api);
    /// <summary>Run a minimal Node API server here until Ctrl-C (transfers by the local ascp)</summary>
    [Command("simulator")] public Task<Result> Simulator(CommandContext c) => SimulatorCommand.Run(plugin, c);
    /// <summary>List node events (filter with --query)</summary>
    [Command("events")] public Task<Result> Events() => Gen3Admin.Events(plugin, plugin.Api);
    /// <summary>Nagios-style health check of node and its central API</summary>
    [Command("health")] public Task<Result> Health() => Gen3Admin.Health(plugin.Api);
    /// <summary>Raw answer of the API root endpoint</summary>
    [Command("slash")] public Task<Result> Slash() => Gen3Admin.Slash(plugin.Api);
    /// <summary>Show transport parameters (FASP) given by the node</summary>
    [Command("transport")] public Task<Result> Transport() => Gen3Admin.Transport(plugin.Api);
}
