using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;
using System.Text;
using AsperaNative.Core.Terminal;
using Xunit;

namespace AsperaNative.Core.Tests.TerminalIo;

public class DescriptorStreamTests
{
    private static int DescriptorOf(SafePipeHandle handle) => (int)handle.DangerousGetHandle();

    [Fact]
    public async Task Bytes_written_to_the_descriptor_reach_its_reader_in_order()
    {
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        using var stream = new DescriptorStream(DescriptorOf(reader.ClientSafePipeHandle), FileAccess.Write);
        var expected = new byte[300_000];                   // more than a pipe holds: the writer waits for the reader
        new Random(7).NextBytes(expected);
        var received = new MemoryStream();
        var reading = Task.Run(() => reader.CopyTo(received));
        stream.Write(expected, 0, 100);
        stream.Write(expected.AsSpan(100));
        reader.DisposeLocalCopyOfClientHandle();
        await reading.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(expected, received.ToArray());
    }

    [Fact]
    public void Bytes_are_read_from_the_descriptor_until_its_end()
    {
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var stream = new DescriptorStream(DescriptorOf(writer.ClientSafePipeHandle), FileAccess.Read);
        writer.Write("héllo\nworld"u8);
        writer.Dispose();
        using var text = new StreamReader(stream, new UTF8Encoding(false));
        Assert.Equal("héllo\nworld", text.ReadToEnd());
    }

    [Fact]
    public void A_reader_that_went_away_ends_the_output_without_an_error()
    {
        var reader = new AnonymousPipeServerStream(PipeDirection.In);
        var client = reader.ClientSafePipeHandle;
        using var stream = new DescriptorStream(DescriptorOf(client), FileAccess.Write);
        reader.Dispose();                                    // the reading end is closed: EPIPE (SIGPIPE is ignored by the runtime)
        stream.Write(new byte[100_000]);
        stream.Write("more"u8);
        client.Dispose();
    }

    [Fact]
    public void A_closed_descriptor_takes_the_output_without_an_error_and_refuses_to_be_read()
    {
        var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        int closed = DescriptorOf(pipe.ClientSafePipeHandle);
        pipe.Dispose();                                      // both ends closed: the number is no descriptor now
        using var output = new DescriptorStream(closed, FileAccess.Write);
        output.Write("lost"u8);
        using var input = new DescriptorStream(closed, FileAccess.Read);
        var error = Assert.Throws<IOException>(() => input.Read(new byte[4]));
        Assert.Contains("Bad file descriptor", error.Message);
    }

    [Fact]
    public void The_stream_only_goes_its_way_and_never_seeks()
    {
        using var output = new DescriptorStream(1, FileAccess.Write);
        Assert.True(output.CanWrite);
        Assert.False(output.CanRead);
        Assert.False(output.CanSeek);
        Assert.Throws<NotSupportedException>(() => output.Read(new byte[1]));
        Assert.Throws<NotSupportedException>(() => output.Length);
        using var input = new DescriptorStream(0, FileAccess.Read);
        Assert.Throws<NotSupportedException>(() => input.Write(new byte[1]));
    }
}
