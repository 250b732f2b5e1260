using AsperaNative.Core.Errors;

namespace AsperaNative.Cli.Application;

/// <summary>
/// Prints errors as ascli does: <c>ERROR: Kind: message</c>, then hints; a bad argument adds
/// "Use option -h to get help."; an unexpected error (ascli's <c>Other(...)</c>) asks, once at the
/// very end, for <c>--log-level=debug</c>, which shows stack traces.
/// </summary>
internal sealed class ErrorReporter(Core.Terminal.Terminal terminal, Func<bool> debugging)
{
    private bool _debugHint;

    public void Report(CliException error)
    {
        terminal.Out.Flush();
        terminal.Err.WriteLine($"ERROR: {error.Kind}: {error.Message}");
        foreach (var hint in error.Hints) terminal.Err.WriteLine(hint);
        if (error.Kind == "Argument") terminal.Err.WriteLine("Use option -h to get help.");
        if (error.Kind.StartsWith("Other(", StringComparison.Ordinal)) _debugHint = true;
        if (debugging()) terminal.Err.WriteLine(error.StackTrace);
    }

    /// <summary>A line of ascli's final check (unprocessed options or values): no hint of its own.</summary>
    public void ReportUnprocessed(string message)
    {
        terminal.Out.Flush();
        terminal.Err.WriteLine($"ERROR: Argument: {message}");
    }

    /// <summary>An unexpected failure: reported like a Ruby exception of its class.</summary>
    public void Report(Exception error)
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
        _debugHint = true;
        if (debugging()) terminal.Err.WriteLine(error.ToString());
    }

    /// <summary>The last line after an unexpected error, unless already debugging.</summary>
    public void Finish()
    {
        if (_debugHint && !debugging()) terminal.Err.WriteLine("Use --log-level=debug to get more details.");
    }
}
