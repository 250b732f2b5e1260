namespace AsperaNative.Core.Errors;

/// <summary>
/// An error a user can cause. It is printed as one <c>ERROR: {Kind}: {Message}</c> line
/// (plus a <c>Use:</c> list or hints) in ascli's words, and the process exits with 1.
/// </summary>
public class CliException(string kind, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The word after <c>ERROR:</c>: <c>Argument</c>, <c>Tool</c>, <c>Rest</c>, <c>SSL</c> or <c>Other(Ruby::Class)</c>.</summary>
    public string Kind { get; } = kind;

    /// <summary>Lines printed after the error line, such as <c>HINT: …</c>.</summary>
    public IReadOnlyList<string> Hints { get; init; } = [];

    /// <summary>A bad command line argument or option (ascli's <c>Cli::BadArgument</c>).</summary>
    public static CliException BadArgument(string message) => new("Argument", message);

    /// <summary>A failure of the tool itself (ascli's <c>Cli::Error</c>).</summary>
    public static CliException Tool(string message) => new("Tool", message);

    /// <summary>An error that ascli reports with its Ruby exception class, e.g. <c>Errno::ENOENT</c>.</summary>
    public static CliException Other(string rubyClass, string message) => new($"Other({rubyClass})", message);

    /// <summary>ascli's failed assertion, <c>Other(Aspera::AssertError): assertion failed: …</c>.</summary>
    public static CliException Assertion(string message) => Other("Aspera::AssertError", "assertion failed: " + message);

    /// <summary>A plain Ruby <c>RuntimeError</c>.</summary>
    public static CliException Runtime(string message) => Other("RuntimeError", message);

    /// <summary>A message followed by ascli's <c>Use:</c> list of accepted words (sorted).</summary>
    public static string WithUseList(string message, IEnumerable<string> choices)
        => string.Join('\n', new[] { message, "Use:" }.Concat(choices.Order(StringComparer.Ordinal).Select(static c => "- " + c)));
}
