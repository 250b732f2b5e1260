using System.Text;
using AsperaNative.Core.Files;

namespace AsperaNative.Core.Tests.Files;

public class TextFileTests
{
    [Theory]
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0x31, 0x0A })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0x0A })]
    [InlineData(new byte[] { 0xC3, 0xA9, 0xFF, 0x61, 0xE2, 0x82 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00 })]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x61 })]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x61 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { })]
    public void Reads_the_text_ReadAllText_reads(byte[] bytes)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            Assert.Equal(File.ReadAllText(path), TextFile.ReadAll(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_large_file_reads_whole()
    {
        string path = Path.GetTempFileName();
        try
        {
            string text = string.Concat(Enumerable.Repeat("clé: valeur é日本\n", 20000));
            File.WriteAllText(path, text, new UTF8Encoding(true));
            Assert.Equal(File.ReadAllText(path), TextFile.ReadAll(path));
        }
        finally { File.Delete(path); }
    }
}
