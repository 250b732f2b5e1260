namespace AsperaNative.Core.Terminal;

/// <summary>
/// The process's streams, injected so that commands and tests never touch <see cref="Console"/>
/// directly (gh's IOStreams). Only prompts and progress bars look at whether a stream is a terminal.
/// </summary>
public sealed class Terminal(TextReader input, TextWriter output, TextWriter error, bool inputIsTerminal, bool outputIsTerminal, Func<Stream>? binaryInput = null)
{
    public TextReader In { get; } = input;
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public bool InputIsTerminal { get; } = inputIsTerminal;
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    /// <summary>Standard input as bytes (for <c>@stdbin:</c>).</summary>
    public Stream OpenBinaryInput() => binaryInput?.Invoke() ?? Console.OpenStandardInput();

    /// <summary>The real console; streams are opened lazily so that unused ones cost nothing.</summary>
    public static Terminal FromConsole()
    {
        var stdout = new GrowingWriter(Console.OpenStandardOutput(), new global::System.Text.UTF8Encoding(false));
        var stderr = new StreamWriter(Console.OpenStandardError(), new global::System.Text.UTF8Encoding(false), 1024) { AutoFlush = true };
        return new Terminal(
            new LazyReader(static () => new StreamReader(Console.OpenStandardInput(), new global::System.Text.UTF8Encoding(false))),
            stdout, stderr,
            !Console.IsInputRedirected, !Console.IsOutputRedirected);
    }

    /// <summary>In-memory streams for tests.</summary>
    public static Terminal Test(string stdin = "", bool interactive = false)
        => new(new StringReader(stdin), new StringWriter(), new StringWriter(), interactive, interactive,
            () => new MemoryStream(global::System.Text.Encoding.UTF8.GetBytes(stdin)));

    private sealed class LazyReader(Func<TextReader> open) : TextReader
    {
        private TextReader? _inner;
        private TextReader Inner => _inner ??= open();
        public override int Peek() => Inner.Peek();
        public override int Read() => Inner.Read();
        public override string? ReadLine() => Inner.ReadLine();
        public override string ReadToEnd() => Inner.ReadToEnd();
    }
}
