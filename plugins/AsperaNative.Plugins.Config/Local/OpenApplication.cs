using System.Diagnostics;
using AsperaNative.Core.Errors;

namespace AsperaNative.Plugins.Config.Local;

/// <summary>
/// Opening a URL or a file as ascli does (manual "Graphical Interactions"): with <c>--ui=graphical</c> a browser
/// (<c>xdg-open</c>, <c>open</c>), with <c>--ui=text</c> a message for the user; files go to <c>$EDITOR</c> when set.
/// </summary>
internal static class OpenApplication
{
    /// <summary>Opens the URL in a browser; returns null, or the message to show in text mode.</summary>
    public static string? Uri(string url, string? ui)
    {
        if (ui != "graphical")
            return url.StartsWith("http", StringComparison.Ordinal)
                ? "USER ACTION: please enter this URL in a browser:\n" + url
                : "USER ACTION: open this:\n" + url;
        Graphical(url);
        return null;
    }

    /// <summary>Opens a file in <c>$EDITOR</c> (waiting for it), else as a URL; returns the text mode message, if any.</summary>
    public static string? Editor(string path, string? ui, string? editor)
    {
        if (string.IsNullOrEmpty(editor)) return Uri(path, ui);
        Run(editor, path, wait: true);
        return null;
    }

    private static void Graphical(string target)
    {
        if (OperatingSystem.IsWindows()) Run("cmd.exe", "/c start \"\" \"" + target + "\"", wait: false);
        else Run(OperatingSystem.IsMacOS() ? "open" : "xdg-open", target, wait: false);
    }

    private static void Run(string program, string argument, bool wait)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start) ?? throw CliException.Other("Errno::ENOENT", $"No such file or directory - {program}");
            if (wait) process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw CliException.Other("Errno::ENOENT", $"No such file or directory - {program}");
        }
    }
}
