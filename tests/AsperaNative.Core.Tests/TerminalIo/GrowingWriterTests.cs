using System.Text;
using AsperaNative.Core.Terminal;
using Xunit;

namespace AsperaNative.Core.Tests.TerminalIo;

public class GrowingWriterTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(32 * 1024 - 1)]
    [InlineData(32 * 1024)]
    [InlineData(200_000)]
    public void BytesAreTheTextInUtf8AcrossTheMoveToTheLargeBuffer(int length)
    {
        var expected = new StringBuilder();
        var stream = new MemoryStream();
        var writer = new GrowingWriter(stream, new UTF8Encoding(false));
        var random = new Random(length);
        while (expected.Length < length)
        {
            // a pair written one half at a time, then texts of every size, some with accents and emoji
            switch (random.Next(4))
            {
                case 0:
                    writer.Write('\uD83D'); writer.Write('\uDE00');
                    expected.Append("\uD83D\uDE00");
                    break;
                case 1:
                    string line = new string('x', random.Next(0, 3000)) + "é\n";
                    writer.Write(line);
                    expected.Append(line);
                    break;
                case 2:
                    writer.WriteLine("ligne");
                    expected.Append("ligne\n");
                    break;
                default:
                    var chars = "a😀b".ToCharArray();
                    writer.Write(chars, 1, 2);
                    expected.Append("😀");
                    break;
            }
        }
        writer.Flush();
        Assert.Equal(Encoding.UTF8.GetBytes(expected.ToString()), stream.ToArray());
        writer.Dispose();
        Assert.False(stream.CanWrite);
    }
}
