using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Results;
using AsperaNative.Core;
using AsperaNative.Core.Terminal;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>Where ascli keeps its files, and what this executable is.</summary>
[CommandGroup("config")]
internal sealed class InfoCommands(ConfigPaths paths)
{
    /// <summary>Display the configuration folder</summary>
    [Command("folder")]
    public Result Folder() => Result.Status(paths.MainFolder);

    /// <summary>Display the configuration file path</summary>
    [Command("file")]
    public Result File() => Result.Status(paths.ConfigFile);

    /// <summary>Display the platform name, as used for SDK downloads</summary>
    [Command("platform")]
    public Result Platform() => Result.Text(PlatformName());

    /// <summary>ascp's platform naming: architecture then OS, as in the SDK archive names.</summary>
    internal static string PlatformName()
    {
        string cpu = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.Arm64 => "arm64",
            Architecture.Ppc64le => "ppc64le",
            Architecture.S390x => "s390",
            var other => other.ToString().ToLowerInvariant(),
        };
        string os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsWindows() ? "windows" : "unknown";
        return $"{cpu}-{os}";
    }
}

/// <summary><c>config gem</c>: ascli's gem information, answered for this executable.</summary>
[CommandGroup("config gem")]
internal sealed class GemCommands
{
    /// <summary>Display the name of the package</summary>
    [Command("name")]
    public static Result Name() => Result.Text("aspera-cli");

    /// <summary>Display the location of the executable</summary>
    [Command("path")]
    public static Result Path() => Result.Text(Environment.ProcessPath is { } p ? System.IO.Path.GetDirectoryName(p)! : AppContext.BaseDirectory);

    /// <summary>Display the version</summary>
    [Command("version")]
    public static Result Version() => Result.Text(ProductVersion.Value);
}

/// <summary><c>config plugins</c>: the plugins compiled into this executable.</summary>
[CommandGroup("config plugins")]
internal sealed class PluginsCommands(PluginCatalog catalog, PluginContext context)
{
    /// <summary>List the plugins</summary>
    [Command("list")]
    public Result List()
    {
        var rows = new JsonArray();
        foreach (var plugin in catalog.Plugins)
            rows.Add((JsonNode)new JsonObject { ["plugin"] = plugin.Name, ["detect"] = Tick(plugin.CanDetect), ["wizard"] = Tick(plugin.HasWizard), ["path"] = "(built in)" });
        return Result.ObjectList(rows, ["plugin", "detect", "wizard", "path"]);
    }

    /// <summary>ascli's tick: a green check or red cross on a UTF-8 terminal, else <c>Y</c> or a space.</summary>
    private string Tick(bool yes)
    {
        var terminal = context.Terminal;
        bool unicode = terminal.OutputIsTerminal && new[] { "LC_ALL", "LC_CTYPE", "LANG" }.Any(static v => Environment.GetEnvironmentVariable(v)?.Contains("UTF-8", StringComparison.Ordinal) == true);
        string mark = unicode ? (yes ? "\u2713" : "\u2717") : (yes ? "Y" : " ");
        return terminal.Style(mark, yes ? Vt100.Green : Vt100.Red);
    }
}
