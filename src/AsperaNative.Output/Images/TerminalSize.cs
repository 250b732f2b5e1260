namespace AsperaNative.Output.Images;

/// <summary>The character grid a picture must fit in</summary>
public readonly record struct TerminalSize(int Columns, int Rows)
{
    /// <summary>Used when no terminal answers (output to a pipe or a file)</summary>
    public static readonly TerminalSize Default = new(80, 24);

    /// <summary>The size of the console window, or the default one</summary>
    public static TerminalSize Current()
    {
        try
        {
            if (Console.IsOutputRedirected) return Default;
            int columns = Console.WindowWidth, rows = Console.WindowHeight;
            return columns > 0 && rows > 0 ? new TerminalSize(columns, rows) : Default;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return Default;
        }
    }
}
