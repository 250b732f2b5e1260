using System.Collections;
using AsperaNative.Cli.Application;
using AsperaNative.Core.Terminal;

namespace AsperaNative.Plugins.Tests.Config;

/// <summary>The result of one in-process run of the whole command line pipeline.</summary>
public sealed record RunOutput(int Exit, string Out, string Err)
{
    /// <summary>The first <c>ERROR:</c> line of standard error, or null.</summary>
    public string? Error => Err.Split('\n').FirstOrDefault(static l => l.StartsWith("ERROR:", StringComparison.Ordinal));
}

/// <summary>A temporary home folder in which ascli runs in-process; deleted on dispose.</summary>
public sealed class CliHome : IDisposable
{
    public string Home { get; } = Directory.CreateTempSubdirectory("aspn-cfg-").FullName;

    /// <summary>A home with an up-to-date configuration file, so that runs do not report its creation.</summary>
    public CliHome()
    {
        Directory.CreateDirectory(ConfigFolder);
        File.WriteAllText(ConfigFile, "---\nconfig:\n  version: 4.21.1\n");
    }

    public string ConfigFolder => Path.Combine(Home, ".aspera", "ascli");

    public string ConfigFile => Path.Combine(ConfigFolder, "config.yaml");

    public string PathOf(string name) => Path.Combine(Home, name);

    public RunOutput Run(params string[] argv) => RunWithInput("", argv);

    public RunOutput RunWithInput(string stdin, params string[] argv)
    {
        var terminal = Terminal.Test(stdin);
        IDictionary environment = new Hashtable { ["HOME"] = Home };
        int exit = CliApplication.RunAsync(argv, terminal, environment).GetAwaiter().GetResult();
        // ASPN_DEBUG_RUNS=file collects the standard error of failed runs (to read a flaky test's real cause)
        if (exit != 0 && Environment.GetEnvironmentVariable("ASPN_DEBUG_RUNS") is { } dump) File.AppendAllText(dump, string.Join(' ', argv) + "\n" + terminal.Err + "\n----\n");
        return new RunOutput(exit, terminal.Out.ToString()!, terminal.Err.ToString()!);
    }

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); }
        catch (IOException) { }
    }
}
