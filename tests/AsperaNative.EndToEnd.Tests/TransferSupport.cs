using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// What transfer tests of the published binary share: the stand-in ascp (and the recorded fake of
/// ../shared/compat) installed as executables, their run logs, and checks on the processes left.
/// </summary>
internal static class TransferSupport
{
    public static string CompatFolder => Path.GetFullPath(Path.Combine(Ascli.RepositoryRoot, "..", "shared", "compat"));

    /// <summary>Writes <c>bin/ascp</c> (and ascp4) below <paramref name="folder"/> running the stand-in; returns the ascp path.</summary>
    public static string InstallStandIn(string folder)
    {
        string apphost = Path.Combine(AppContext.BaseDirectory, "ascp");
        string command = File.Exists(apphost) ? $"exec \"{apphost}\" \"$@\"" : $"exec dotnet \"{Path.Combine(AppContext.BaseDirectory, "ascp.dll")}\" \"$@\"";
        return Launchers(folder, command);
    }

    /// <summary>Writes <c>bin/asperatransferd</c> below <paramref name="folder"/> running the stand-in daemon; returns its path.</summary>
    public static string InstallDaemon(string folder)
    {
        string apphost = Path.Combine(AppContext.BaseDirectory, "asperatransferd");
        string command = File.Exists(apphost) ? $"exec \"{apphost}\" \"$@\"" : $"exec dotnet \"{Path.Combine(AppContext.BaseDirectory, "asperatransferd.dll")}\" \"$@\"";
        string bin = Path.Combine(folder, "bin");
        Directory.CreateDirectory(bin);
        string path = Path.Combine(bin, "asperatransferd");
        File.WriteAllText(path, "#!/bin/sh\n" + command + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>
    /// Writes <c>bin/async</c> and <c>bin/asyncadmin</c> below <paramref name="folder"/> (beside ascp, as in the SDK)
    /// running the stand-in async (asyncadmin is the same program told so by its first argument).
    /// </summary>
    public static void InstallAsync(string folder)
    {
        string apphost = Path.Combine(AppContext.BaseDirectory, "async");
        string program = File.Exists(apphost) ? $"exec \"{apphost}\"" : $"exec dotnet \"{Path.Combine(AppContext.BaseDirectory, "async.dll")}\"";
        string bin = Path.Combine(folder, "bin");
        Directory.CreateDirectory(bin);
        foreach (var (name, extra) in new[] { ("async", ""), ("asyncadmin", " --standin-admin") })
        {
            string path = Path.Combine(bin, name);
            File.WriteAllText(path, "#!/bin/sh\n" + program + extra + " \"$@\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Processes started with <c>HOME</c> = <paramref name="home"/> (everything a test's ascli started inherits it), but <paramref name="except"/>.</summary>
    public static List<int> ProcessesOfHome(string home, params int[] except)
    {
        string wanted = "HOME=" + home + "\0";
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || except.Contains(pid) || pid == Environment.ProcessId) continue;
            try { if (File.ReadAllText(Path.Combine(dir, "environ")).Contains(wanted, StringComparison.Ordinal) && IsRunning(pid)) found.Add(pid); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>Writes <c>bin/ascp</c> running ../shared/compat/fake_ascp.py; returns the ascp path.</summary>
    public static string InstallCompatFake(string folder)
        => Launchers(folder, $"exec python3 \"{Path.Combine(CompatFolder, "fake_ascp.py")}\" \"$@\"");

    private static string Launchers(string folder, string command)
    {
        string bin = Path.Combine(folder, "bin");
        Directory.CreateDirectory(bin);
        foreach (var name in new[] { "ascp", "ascp4" })
        {
            string path = Path.Combine(bin, name);
            File.WriteAllText(path, "#!/bin/sh\n" + command + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return Path.Combine(bin, "ascp");
    }

    /// <summary>JSON lines of a run log (missing file: none).</summary>
    public static List<JsonObject> Lines(string path)
        => File.Exists(path) ? [.. File.ReadAllLines(path).Where(static l => l.Length > 0).Select(static l => (JsonObject)JsonNode.Parse(l)!)] : [];

    /// <summary>Waits until <paramref name="condition"/> holds (or the time is up).</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) return false;
            Thread.Sleep(50);
        }
        return true;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat") is var stat && !stat[(stat.LastIndexOf(')') + 1)..].TrimStart().StartsWith('Z'); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Processes whose command line is exactly <paramref name="argv"/> (the ones a test started, found by their unique arguments).</summary>
    public static List<int> ProcessesWithCommandLine(params string[] argv)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                // the program may be given by name or by path
                var actual = File.ReadAllText(Path.Combine(dir, "cmdline")).TrimEnd('\0').Split('\0');
                if (actual.Length == argv.Length && Path.GetFileName(actual[0]) == argv[0] && actual.Skip(1).SequenceEqual(argv.Skip(1))) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>Ends the processes a test left behind on purpose (by pid).</summary>
    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try { using var p = Process.GetProcessById(pid); p.Kill(); }
            catch (ArgumentException) { }
            catch (InvalidOperationException) { }
        }
    }

    /// <summary>Sends a POSIX signal (INT, TERM) to a process.</summary>
    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
