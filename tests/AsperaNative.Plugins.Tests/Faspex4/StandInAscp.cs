using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AsperaNative.Plugins.Tests.Faspex4;

/// <summary>Runs the stand-in ascp (copied beside the tests) on a transfer spec handed out by an emulator, as the direct agent would.</summary>
internal static class StandInAscp
{
    /// <summary>Sends local files to the spec's destination root, or receives its sources into a local folder.</summary>
    public static (int Exit, string Output) Run(JsonObject spec, IEnumerable<string> sources, string destination)
    {
        var args = new List<string>
        {
            spec["direction"]?.ToString() == "receive" ? "--mode=recv" : "--mode=send",
            "--user=" + spec["remote_user"], "--host=" + spec["remote_host"], "-P", spec["ssh_port"]?.ToString() ?? "33001",
        };
        if (spec["create_dir"]?.GetValue<bool>() == true) args.Add("-d");
        args.AddRange(sources);
        args.Add(destination);
        string dir = AppContext.BaseDirectory;
        string apphost = Path.Combine(dir, "ascp"), dll = Path.Combine(dir, "ascp.dll");
        // the apphost when copied, else the dll with its own runtime configuration, else with the tests' one
        var psi = File.Exists(apphost) ? new ProcessStartInfo(apphost)
            : File.Exists(Path.Combine(dir, "ascp.runtimeconfig.json")) ? new ProcessStartInfo("dotnet") { ArgumentList = { dll } }
            : new ProcessStartInfo("dotnet") { ArgumentList = { "exec", "--runtimeconfig", Path.Combine(dir, "AsperaNative.Plugins.Tests.runtimeconfig.json"), dll } };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.Environment["ASPERA_SCP_TOKEN"] = spec["token"]?.ToString() ?? "";
        using var process = Process.Start(psi)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
