using System.Text;

namespace AsperaNative.Core.Terminal;

/// <summary>
/// Standard output that starts with a small buffer and takes a large one once the output is large. A short
/// command (<c>-v</c>, <c>config echo</c>) writes a line: a 16 K-character writer would make its process touch
/// tens of kilobytes of fresh heap for it, a measurable part of its start-up. A listing of millions of rows
/// still goes out in 16 K-character blocks. Written by hand because <see cref="StreamWriter"/> cannot change
/// its buffer: this only moves from a small writer to a large one on the same stream, once.
/// </summary>
internal sealed class GrowingWriter : TextWriter
{
    private const int SmallBuffer = 1024;
    private const int LargeBuffer = 16384;
    // what a short command never writes: past it the output is a listing
    private const int LargeAfter = 32 * 1024;

    private readonly Stream _stream;
    private readonly Encoding _encoding;
    private StreamWriter _inner;
    private long _written;
    private bool _large;
    private bool _pendingHighSurrogate;

    public GrowingWriter(Stream stream, Encoding encoding)
    {
        _stream = stream;
        _encoding = encoding;
        _inner = new StreamWriter(stream, encoding, SmallBuffer, leaveOpen: true);
    }

    public override Encoding Encoding => _encoding;

    public override void Write(char value)
    {
        // once large, a write is the inner writer's alone (formats write many small pieces)
        if (!_large) Grow(1, value);
        _inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        Write(value.AsSpan());
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty) return;
        if (!_large) Grow(buffer.Length, buffer[^1]);
        _inner.Write(buffer);
    }

    /// <summary>
    /// Moves to the large writer before a write that takes the output past <see cref="LargeAfter"/>;
    /// <paramref name="last"/> is the last character of that write.
    /// </summary>
    private void Grow(int count, char last)
    {
        _written += count;
        // a character cut in two by the previous write stays with the writer that holds its first half
        bool split = _pendingHighSurrogate;
        _pendingHighSurrogate = char.IsHighSurrogate(last);
        if (_written <= LargeAfter || split) return;
        _inner.Flush();
        _inner = new StreamWriter(_stream, _encoding, LargeBuffer, leaveOpen: true);
        _large = true;
    }

    public override void Flush() => _inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _stream.Dispose();
        }
        base.Dispose(disposing);
    }
}
