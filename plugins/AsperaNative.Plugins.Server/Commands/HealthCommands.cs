using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Server.Commands;

/// <summary><c>server health</c>: checks by doing (nagios-style status list).</summary>
[CommandGroup("server health")]
internal sealed class HealthCommands(ServerPlugin plugin)
{
    /// <summary>Check that a small file can be uploaded to the server</summary>
    [Command("transfer")]
    public async Task<Result> Transfer()
    {
        string file = Path.Combine(Path.GetTempPath(), "transfer_test" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, "This is a test file for transfer test");
        JsonObject status;
        try
        {
            var spec = plugin.BaseTransferSpec();
            spec["direction"] = "send";
            // ascli's probe: hidden from the server's console, never resumed, written as .fasping
            spec["cookie"] = "aspera.sync";
            spec["resume_policy"] = "none";
            spec["paths"] = new JsonArray(new JsonObject { ["source"] = file, ["destination"] = ".fasping" });
            var statuses = await plugin.Transfer.StartAsync(spec, null);
            var failed = statuses.FirstOrDefault(static s => !s.Success);
            status = failed is null
                ? new JsonObject { ["status"] = "ok", ["component"] = "transfer", ["message"] = "ok" }
                : new JsonObject { ["status"] = "critical", ["component"] = "transfer", ["message"] = failed.Error!.Message };
        }
        finally
        {
            File.Delete(file);
        }
        return Result.ObjectList(new JsonArray(status), ["status", "component", "message"]);
    }
}
