using System.Globalization;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;

namespace AsperaNative.Transfer.Httpgw;

/// <summary>
/// A generated source (manual "Transfer Specification", faux files): <c>faux:///name?size</c> with a size suffix
/// k, m, g, t, p or e (powers of 1024) is <c>size</c> zero bytes, sent without any local file.
/// </summary>
public sealed partial class FauxFile(string path, long size)
{
    public const string Prefix = "faux:///";
    private static readonly string[] Suffixes = ["k", "m", "g", "t", "p", "e"];

    public string Path { get; } = path;
    public long Size { get; } = size;

    [GeneratedRegex("^([0-9]+)([kmgtpe])$")]
    private static partial Regex SizeFormat();

    /// <summary>Null when <paramref name="name"/> is not a faux URL; ascli's format errors otherwise.</summary>
    public static FauxFile? Create(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = name[Prefix.Length..].Split('?', 2);
        if (parts.Length != 2) throw CliException.Runtime("Format: #{PREFIX}<file path>?<size>");
        var m = SizeFormat().Match(parts[1].ToLowerInvariant());
        if (!m.Success) throw CliException.Runtime($"Format: <integer>[{string.Join(',', Suffixes)}]");
        long size = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        foreach (var s in Suffixes)
        {
            size *= 1024;
            if (s == m.Groups[2].Value) break;
        }
        return new FauxFile(parts[0], size);
    }

    /// <summary>A stream of <see cref="Size"/> zero bytes.</summary>
    public Stream Open() => new ZeroStream(Size);

    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            int n = (int)Math.Min(buffer.Length, length - _position);
            buffer[..n].Clear();
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
