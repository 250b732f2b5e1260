namespace AsperaNative.Core.Terminal;

/// <summary>
/// The process's streams, injected so that commands and tests never touch <see cref="Console"/>
/// directly (gh's IOStreams). Only prompts and progress bars look at whether a stream is a terminal.
/// </summary>
public sealed class Terminal
{
    private readonly Lazy<bool> _inputIsTerminal;
    private readonly Lazy<bool> _outputIsTerminal;
    private readonly Func<Stream>? _binaryInput;

    public Terminal(TextReader input, TextWriter output, TextWriter error, bool inputIsTerminal, bool outputIsTerminal, Func<Stream>? binaryInput = null)
        : this(input, output, error, new Lazy<bool>(inputIsTerminal), new Lazy<bool>(outputIsTerminal), binaryInput)
    {
    }

    private Terminal(TextReader input, TextWriter output, TextWriter error, Lazy<bool> inputIsTerminal, Lazy<bool> outputIsTerminal, Func<Stream>? binaryInput)
    {
        In = input;
        Out = output;
        Err = error;
        _inputIsTerminal = inputIsTerminal;
        _outputIsTerminal = outputIsTerminal;
        _binaryInput = binaryInput;
    }

    public TextReader In { get; }
    public TextWriter Out { get; }
    public TextWriter Err { get; }
    public bool InputIsTerminal => _inputIsTerminal.Value;
    public bool OutputIsTerminal => _outputIsTerminal.Value;

    /// <summary>Standard input as bytes (for <c>@stdbin:</c>).</summary>
    public Stream OpenBinaryInput() => _binaryInput?.Invoke() ?? new DescriptorStream(0, FileAccess.Read);

    /// <summary>
    /// The real console, as its descriptors (<see cref="DescriptorStream"/>: no terminal set-up for bytes). Standard
    /// input and error are opened, and the terminal tests made, on first use: most commands never read input or write
    /// an error, and <c>-v</c> asks nothing of the terminal.
    /// </summary>
    public static Terminal FromConsole()
    {
        var stdout = new GrowingWriter(new DescriptorStream(1, FileAccess.Write), new global::System.Text.UTF8Encoding(false));
        return new Terminal(
            new LazyReader(static () => new StreamReader(new DescriptorStream(0, FileAccess.Read), new global::System.Text.UTF8Encoding(false))),
            stdout,
            new LazyWriter(static () => new StreamWriter(new DescriptorStream(2, FileAccess.Write), new global::System.Text.UTF8Encoding(false), 1024) { AutoFlush = true }),
            new Lazy<bool>(static () => !Console.IsInputRedirected), new Lazy<bool>(static () => !Console.IsOutputRedirected), null);
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

    /// <summary>A writer opened on its first write (what is never written opens nothing).</summary>
    private sealed class LazyWriter(Func<TextWriter> open) : TextWriter
    {
        private TextWriter? _inner;
        private TextWriter Inner => _inner ??= open();
        public override System.Text.Encoding Encoding => Inner.Encoding;
        public override void Write(char value) => Inner.Write(value);
        public override void Write(string? value) => Inner.Write(value);
        public override void Write(char[] buffer, int index, int count) => Inner.Write(buffer, index, count);
        public override void Write(ReadOnlySpan<char> buffer) => Inner.Write(buffer);
        public override void WriteLine(string? value) => Inner.WriteLine(value);
        public override void WriteLine(ReadOnlySpan<char> buffer) => Inner.WriteLine(buffer);
        public override void Flush() => _inner?.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner?.Dispose();
            base.Dispose(disposing);
        }
    }
}
