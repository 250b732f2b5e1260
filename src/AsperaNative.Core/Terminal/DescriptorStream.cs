using System.Runtime.InteropServices;

namespace AsperaNative.Core.Terminal;

/// <summary>
/// Standard input, output or error as its file descriptor, read and written with the runtime's own
/// <c>read</c>/<c>write</c> (SystemNative, linked into the executable). Console's streams set up the terminal on
/// their first write: a signal-handling thread, the console encoding looked up by its charset name, the terminal's
/// keypad mode when attached to one. A tenth of a short command such as <c>config echo</c>, for output that is only
/// bytes, and the original writes no terminal mode either. What Console's streams do and this keeps: a reader that
/// went away (EPIPE) ends the output silently (so does a closed descriptor), a non-blocking descriptor is waited for, and the descriptor is left
/// open. Prompts (<c>Console.ReadKey</c>) and child processes set the terminal up themselves when they run.
/// Written by hand: no library gives a stream over an inherited descriptor without that set-up (FileStream asks
/// for a seekable file's position and length and would close the descriptor it owns). Linux errno values.
/// </summary>
internal sealed class DescriptorStream : Stream
{
    private const int Interrupted = 4;      // EINTR (SystemNative retries it already)
    private const int NotOpen = 9;          // EBADF
    private const int WouldBlock = 11;      // EAGAIN
    private const int BrokenPipe = 32;      // EPIPE
    private const short PollIn = 0x0001, PollOut = 0x0004;   // SystemNative's PAL poll events

    private readonly int _descriptor;
    private readonly bool _write;
    private bool _readerGone;

    public DescriptorStream(int descriptor, FileAccess access)
    {
        _descriptor = descriptor;
        _write = access == FileAccess.Write;
    }

    public override bool CanRead => !_write;
    public override bool CanWrite => _write;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!CanRead) throw new NotSupportedException();
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            int read = SystemRead(_descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (read >= 0) return read;
            int error = Marshal.GetLastPInvokeError();
            if (error == WouldBlock) { WaitFor(PollIn); continue; }
            if (error != Interrupted) throw Failure(error);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!CanWrite) throw new NotSupportedException();
        while (!buffer.IsEmpty && !_readerGone)
        {
            int written = SystemWrite(_descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (written >= 0) { buffer = buffer[written..]; continue; }
            int error = Marshal.GetLastPInvokeError();
            // `ascli … | head -1` (as Console: not an error), or `>&-`: the output has nowhere to go
            if (error is BrokenPipe or NotOpen) _readerGone = true;
            else if (error == WouldBlock) WaitFor(PollOut);
            else if (error != Interrupted) throw Failure(error);
        }
    }

    private void WaitFor(short events)
    {
        var poll = new PollEvent { Descriptor = _descriptor, Events = events };
        SystemPoll(ref poll, 1, -1, out _);
    }

    private static IOException Failure(int error) => new(Marshal.GetPInvokeErrorMessage(error), error);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollEvent
    {
        public int Descriptor;
        public short Events;
        public short TriggeredEvents;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Read", SetLastError = true)]
    private static extern int SystemRead(nint descriptor, ref byte buffer, int size);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Write", SetLastError = true)]
    private static extern int SystemWrite(nint descriptor, ref byte buffer, int size);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Poll")]
    private static extern int SystemPoll(ref PollEvent events, uint count, int milliseconds, out uint triggered);
}
