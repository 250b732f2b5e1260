using System.Diagnostics;
using System.Text;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;

namespace AsperaNative.Plugins.Preview.Generation;

/// <summary>The programs the generator runs (manual "Plugin: preview", "External tools").</summary>
public enum Tool { Ffmpeg, Ffprobe, Convert, Composite, Optipng, Ghostscript, Office }

/// <summary>
/// Finds the generator's programs on <c>PATH</c> and runs them as child processes with argument lists (no shell).
/// ImageMagick 7's single <c>magick</c> program is used when present (<c>magick</c>, <c>magick composite</c>), else
/// ImageMagick 6's <c>convert</c> and <c>composite</c>; office documents go through <c>unoconv</c>, else LibreOffice.
/// </summary>
public sealed class ExternalTools
{
    /// <summary>The order in which ascli checks its tools: the first missing one is the error.</summary>
    private static readonly Tool[] CheckOrder = [Tool.Ffmpeg, Tool.Ffprobe, Tool.Convert, Tool.Composite, Tool.Optipng, Tool.Ghostscript, Tool.Office];

    private readonly string[] _path;
    private readonly AppLog _log;
    private readonly Dictionary<Tool, Command?> _found = [];

    /// <param name="log">Where the commands run are logged (debug).</param>
    /// <param name="searchPath">The <c>PATH</c> to search (null: the process's).</param>
    public ExternalTools(AppLog log, string? searchPath = null)
    {
        _log = log;
        _path = (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A program and the arguments that select the tool in it (<c>magick composite</c>).</summary>
    private sealed record Command(string Executable, string[] Prefix);

    /// <summary>The name ascli gives a tool in its messages.</summary>
    public static string NameOf(Tool tool) => tool switch
    {
        Tool.Ffmpeg => "ffmpeg",
        Tool.Ffprobe => "ffprobe",
        Tool.Convert => "convert",
        Tool.Composite => "composite",
        Tool.Optipng => "optipng",
        Tool.Ghostscript => "gs",
        _ => "unoconv",
    };

    /// <summary>
    /// ascli's tool check: each tool the given types need must be found, else <c>missing &lt;tool&gt; binary</c>;
    /// office documents (LibreOffice) are not needed with <c>--skip-types=office</c>, Ghostscript (PDF rendering) not
    /// when both pdf and office are skipped. Returns each tool with its version line (when asked), for the log.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Path, string Version)>> CheckAsync(IReadOnlyCollection<string> skipTypes, bool versions, CancellationToken cancel = default)
    {
        var result = new List<(string, string, string)>();
        foreach (var tool in CheckOrder)
        {
            if (tool == Tool.Office && skipTypes.Contains(FileTypes.Office)) continue;
            if (tool == Tool.Ghostscript && skipTypes.Contains(FileTypes.Office) && skipTypes.Contains(FileTypes.Pdf)) continue;
            var command = Resolve(tool);
            result.Add((NameOf(tool), command.Executable, versions ? await VersionAsync(tool, command, cancel) : ""));
        }
        return result;
    }

    /// <summary>Runs a tool; a failure (exit code not 0) is an error with the tool's messages.</summary>
    public async Task RunAsync(Tool tool, IEnumerable<string> arguments, CancellationToken cancel = default)
        => await ExecuteAsync(Resolve(tool), arguments, cancel);

    /// <summary>Runs a tool and returns its standard output.</summary>
    public async Task<string> CaptureAsync(Tool tool, IEnumerable<string> arguments, CancellationToken cancel = default)
        => await ExecuteAsync(Resolve(tool), arguments, cancel);

    /// <summary>The executable of a tool, or ascli's error naming it.</summary>
    private Command Resolve(Tool tool)
    {
        if (_found.TryGetValue(tool, out var known)) return known ?? throw Missing(tool);
        var command = tool switch
        {
            Tool.Convert => Find("magick") is { } m ? new Command(m, []) : Single("convert"),
            Tool.Composite => Find("magick") is { } m ? new Command(m, ["composite"]) : Single("composite"),
            Tool.Office => Single("unoconv") ?? Single("libreoffice") ?? Single("soffice"),
            _ => Single(NameOf(tool)),
        };
        _found[tool] = command;
        return command ?? throw Missing(tool);
    }

    /// <summary>Whether office documents are converted by LibreOffice itself (no <c>unoconv</c>).</summary>
    public bool OfficeIsLibreOffice => Path.GetFileName(Resolve(Tool.Office).Executable) != "unoconv";

    private Command? Single(string name) => Find(name) is { } p ? new Command(p, []) : null;

    // Ruby's Errno::ENOENT, as ascli reports a program it cannot start
    private static CliException Missing(Tool tool)
        => CliException.Runtime($"missing {NameOf(tool)} binary: No such file or directory - {NameOf(tool)}");

    private string? Find(string name)
    {
        foreach (var folder in _path)
        {
            string candidate = System.IO.Path.Combine(folder, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
                return candidate;
        }
        return null;
    }

    /// <summary>The first line a tool prints about its version (empty when it says nothing).</summary>
    private async Task<string> VersionAsync(Tool tool, Command command, CancellationToken cancel)
    {
        string[] arguments = tool switch
        {
            Tool.Optipng => ["-v"],
            Tool.Ghostscript => ["--version"],
            Tool.Office => ["--version"],
            _ => ["-version"],
        };
        try
        {
            string output = await ExecuteAsync(command, arguments, cancel, allowFailure: true);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        }
        catch (CliException)
        {
            return "";
        }
    }

    private async Task<string> ExecuteAsync(Command command, IEnumerable<string> arguments, CancellationToken cancel, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(command.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Prefix) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        _log.Debug(() => "execute: " + string.Join(' ', start.ArgumentList.Prepend(command.Executable).Select(ShellQuote)));
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw CliException.Runtime($"No such file or directory - {command.Executable}");
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        string output = await stdout, errors = await stderr;
        if (errors.Length > 0) _log.Debug(() => $"stderr: {errors.TrimEnd()}");
        if (process.ExitCode != 0 && !allowFailure)
            throw CliException.Runtime($"process failed: {process.ExitCode} : {errors.TrimEnd()}");
        return output;
    }

    /// <summary>An argument as a shell would need it (for the debug log only).</summary>
    private static string ShellQuote(string argument)
    {
        if (argument.Length > 0 && !argument.Any(static c => "|&;()<> \t#\n'\"$*?".Contains(c))) return argument;
        return new StringBuilder("'").Append(argument.Replace("'", "'\"'\"'", StringComparison.Ordinal)).Append('\'').ToString();
    }
}
