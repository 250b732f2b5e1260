using AsperaNative.Core.Errors;

namespace AsperaNative.Cli.Application;

/// <summary>Prints errors as ascli does: <c>ERROR: Kind: message</c>, then hints; stack traces only when debugging.</summary>
internal static class ErrorReporter
{
    public static void Report(Core.Terminal.Terminal terminal, CliException error)
    {
        terminal.Out.Flush();
        terminal.Err.WriteLine($"ERROR: {error.Kind}: {error.Message}");
        foreach (var hint in error.Hints) terminal.Err.WriteLine(hint);
    }

    /// <summary>An unexpected failure: reported like a Ruby exception of its class.</summary>
    public static void Report(Core.Terminal.Terminal terminal, Exception error, bool debug)
    {
        string kind = error switch
        {
            FileNotFoundException or DirectoryNotFoundException => "Errno::ENOENT",
            UnauthorizedAccessException => "Errno::EACCES",
            IOException => "IOError",
            _ => "RuntimeError",
        };
        terminal.Out.Flush();
        terminal.Err.WriteLine($"ERROR: Other({kind}): {error.Message}");
        if (debug) terminal.Err.WriteLine(error.ToString());
    }
}
