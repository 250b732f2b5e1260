using System.Diagnostics;

namespace AsperaNative.Release.Tests;

/// <summary>The checkout under test, its published executables, and a process runner with a time limit.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();
    public static string Ascli => Path.Combine(Root, "dist", "ascli");
    public static string Asession => Path.Combine(Root, "dist", "asession");
    public static string Packaging => Path.Combine(Root, "packaging");

    public static bool IsRoot => Environment.UserName == "root" || GetUid() == 0;

    public sealed record Result(int Exit, string Out, string Err)
    {
        public string All => Out + Err;
    }

    public static Result Run(string file, IEnumerable<string> args, IDictionary<string, string?>? env = null, string? cwd = null,
        bool cleanEnvironment = false, int timeoutSeconds = 120)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = cwd ?? Root,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (cleanEnvironment)
        {
            info.Environment.Clear();
            info.Environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin";
        }
        foreach (var key in info.Environment.Keys.Where(static k => k.StartsWith("ASCLI_", StringComparison.Ordinal)).ToList()) info.Environment.Remove(key);
        if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not end in {timeoutSeconds} s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(string file, params string[] args) => Run(file, args, null);

    public static void RequireExecutables()
    {
        Assert.True(File.Exists(Ascli), $"{Ascli} is missing: run ./build.sh first");
        Assert.True(File.Exists(Asession), $"{Asession} is missing: run ./build.sh first");
    }

    public static void RequireRoot(string why) => Assert.True(IsRoot, $"this test needs root ({why}); CI runs as root");

    /// <summary>The C compiler the native build uses: clang, or Debian's versioned clang-N.</summary>
    public static string Clang()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
            if (File.Exists(Path.Combine(dir, "clang"))) return Path.Combine(dir, "clang");
        var versioned = Directory.GetFiles("/usr/bin", "clang-*").Where(static f => Path.GetFileName(f)[6..] is { Length: > 0 } v && v.All(char.IsDigit))
            .OrderBy(static f => int.Parse(Path.GetFileName(f)[6..])).LastOrDefault();
        return versioned ?? throw new InvalidOperationException("clang is missing: apt-get install clang");
    }

    private static uint GetUid()
    {
        var status = File.ReadAllLines("/proc/self/status").FirstOrDefault(static l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return status is null ? uint.MaxValue : uint.Parse(status.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "build.sh")) && Directory.Exists(Path.Combine(dir.FullName, "packaging"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
