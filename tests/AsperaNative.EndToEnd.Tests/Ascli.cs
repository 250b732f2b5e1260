using System.Diagnostics;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>Runs dist/ascli in a fresh home folder, as a user would, with a time limit.</summary>
internal sealed class Ascli : IDisposable
{
    public static string RepositoryRoot { get; } = FindRoot();
    /// <summary>dist/ascli, or the executable named by ASPERANATIVE_BINARY (e.g. dist/jit/ascli of <c>./build.sh jit</c>, for a fast development loop).</summary>
    public static string Binary => Environment.GetEnvironmentVariable("ASPERANATIVE_BINARY") is { Length: > 0 } b ? b : Path.Combine(RepositoryRoot, "dist", "ascli");

    public string Home { get; } = Directory.CreateTempSubdirectory("ascli-e2e-").FullName;

    public Ascli()
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: run ./build.sh first");
        // as the compat runners: the first run creates config.yaml (and says so)
        Exec("config", "echo", "init");
    }

    public sealed record Run(int Exit, string Out, string Err)
    {
        public string FirstError => Err.Split('\n').FirstOrDefault(static l => l.StartsWith("ERROR", StringComparison.Ordinal)) ?? "";

        /// <summary>The words of the "Use:" list that follows an error.</summary>
        public IReadOnlyList<string> UseList => Err.Split('\n').SkipWhile(static l => l != "Use:").Skip(1)
            .TakeWhile(static l => l.StartsWith("- ", StringComparison.Ordinal)).Select(static l => l[2..]).ToList();
    }

    public Run Exec(string[] args, string? stdin = null, IDictionary<string, string?>? env = null, TimeSpan? timeout = null)
    {
        var process = Start(args, env);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ascli {string.Join(' ', args)} did not end in time");
        }
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    public Run Exec(params string[] args) => Exec(args, null);

    /// <summary>Starts ascli without waiting (stdin stays open until the caller closes it).</summary>
    public Process Start(string[] args, IDictionary<string, string?>? env = null)
    {
        var info = new ProcessStartInfo(Binary)
        {
            WorkingDirectory = Home,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var key in info.Environment.Keys.Where(static k => k.StartsWith("ASCLI_", StringComparison.Ordinal)).ToList()) info.Environment.Remove(key);
        info.Environment["HOME"] = Home;
        if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
        return Process.Start(info)!;
    }

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { }
    }

    /// <summary>The checkout this test was compiled from (the test binaries may live in another artifacts folder).</summary>
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "build.sh")) && Directory.Exists(Path.Combine(dir.FullName, "src"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
