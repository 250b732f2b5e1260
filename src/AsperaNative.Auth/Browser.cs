using System.Diagnostics;

namespace AsperaNative.Auth;

/// <summary>
/// Opens a URL for the user (<c>--ui</c>): with <c>text</c> the URL is printed for the user to
/// open; with <c>graphical</c> the desktop's opener is started.
/// </summary>
public static class Browser
{
    public static Action<Uri> Opener(string? ui, TextWriter terminal) => uri => Open(uri, ui, terminal);

    public static void Open(Uri uri, string? ui, TextWriter terminal)
    {
        if (ui != "graphical" || !TryStart(uri))
            // Ruby's puts of a text ending with a newline adds none; the URL as given
            terminal.Write($"USER ACTION: please enter this url in a browser:\n{uri.OriginalString}\n");
    }

    private static bool TryStart(Uri uri)
    {
        string opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsWindows() ? "explorer" : "xdg-open";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(opener, [uri.ToString()]) { UseShellExecute = false });
            return process is not null;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }
}
