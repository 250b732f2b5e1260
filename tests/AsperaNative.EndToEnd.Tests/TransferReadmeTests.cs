using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>The README's "First transfer", exactly as written, on the published binary: simulator, httpgw upload and download.</summary>
public sealed partial class TransferReadmeTests
{
    [GeneratedRegex("## First transfer\\n.*?```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FirstTransfer();

    [Fact]
    public async Task The_first_transfer_of_the_readme_moves_real_bytes_with_nothing_but_the_binary()
    {
        var block = FirstTransfer().Match(File.ReadAllText(Path.Combine(Ascli.RepositoryRoot, "README.md")));
        Assert.True(block.Success, "README has no First transfer block");
        string folder = Directory.CreateTempSubdirectory("ascli-readme-").FullName;
        try
        {
            // the README runs from the folder holding dist/
            Directory.CreateSymbolicLink(Path.Combine(folder, "dist"), Path.Combine(Ascli.RepositoryRoot, "dist"));
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
            var info = new ProcessStartInfo("bash", ["-e", "-c", block.Groups[1].Value])
            {
                WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            info.Environment["HOME"] = folder;
            info.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // nothing but the binary: no ascp, no dotnet on the path
            info.Environment["PATH"] = "/usr/bin:/bin";
            using var bash = Process.Start(info)!;
            var stdout = bash.StandardOutput.ReadToEndAsync();
            var stderr = bash.StandardError.ReadToEndAsync();
            bool ended = bash.WaitForExit(TimeSpan.FromMinutes(3));
            if (!ended) bash.Kill(entireProcessTree: true);
            Assert.True(ended, "the README commands did not end");
            string output = await stdout, errors = await stderr;
            Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}\n{output}\n{errors}");
            // the simulator (stopped by the last line) may print after the others
            Assert.Contains("identical\n", output);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "demo", "file.bin")), File.ReadAllBytes(Path.Combine(folder, "demo", "storage", "file.bin")));
            Assert.DoesNotContain("ERROR", errors);
        }
        finally
        {
            // a failing line leaves the simulator running: end it (found by its unique browse root)
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
                try
                {
                    if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("simulator", StringComparison.Ordinal)
                        && new DirectoryInfo(Path.Combine(dir, "cwd")).LinkTarget == folder)
                        TransferSupport.Kill([pid]);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
