using System.Buffers.Binary;
using System.Text;

namespace AsperaNative.Emulators.Ascmd;

/// <summary>
/// Writes ascmd records: <c>type (1 byte) · length (4 bytes, big endian) · value</c>; structures are the same
/// encoding nested, with 1-based field numbers; strings NUL-terminated, integers and times big endian.
/// </summary>
internal sealed class Reply
{
    // result record types
    private const byte File = 1, Dir = 2, SizeRecord = 3, ErrorRecord = 4, InfoRecord = 5, SuccessRecord = 6, Df = 8, Md5Record = 9;

    private readonly MemoryStream _out = new();

    public byte[] ToArray() => _out.ToArray();

    public void Success() => Put(_out, SuccessRecord, []);

    public void Error(int errno, string text) => Put(_out, ErrorRecord, Struct(s => { Int32(s, 1, errno); Zstr(s, 2, text); }));

    public void Md5(string hex) => Put(_out, Md5Record, Struct(s => Zstr(s, 1, hex)));

    public void Size(Usage u) => Put(_out, SizeRecord, Struct(s =>
    {
        Int64(s, 1, u.Size); Int32(s, 2, u.Files); Int32(s, 3, u.Directories); Int32(s, 4, 0); Int32(s, 5, 0);
    }));

    public void Info(IReadOnlyList<(int Field, string Value)> fields) => Put(_out, InfoRecord, Struct(s =>
    {
        foreach (var (field, value) in fields) Zstr(s, field, value);
    }));

    public void Mounts(IEnumerable<Mount> mounts) => Put(_out, Df, Struct(s =>
    {
        foreach (var m in mounts)
        {
            Zstr(s, 1, m.Fs); Zstr(s, 2, m.Dir); Zstr(s, 3, m.Type);
            if (m.Errno != 0)
            {
                Int32(s, 8, m.Errno); Zstr(s, 9, FileSystem.Strerror(m.Errno));
                continue;
            }
            Int64(s, 4, m.Total); Int64(s, 5, m.Used); Int64(s, 6, m.Free); Int64(s, 7, m.Files);
        }
    }));

    public void FileStat(Stat stat) => Put(_out, File, StatBytes(stat));

    public void Directory(IEnumerable<Stat> entries) => Put(_out, Dir, Struct(s =>
    {
        foreach (var e in entries) Put(s, 1, StatBytes(e));
    }));

    private static byte[] StatBytes(Stat st) => Struct(s =>
    {
        Zstr(s, 1, st.Name); Int64(s, 2, st.Size); Int32(s, 3, (int)st.Mode); Zstr(s, 4, st.ModeText);
        Int32(s, 5, (int)st.Uid); Zstr(s, 6, st.Owner); Int32(s, 7, (int)st.Gid); Zstr(s, 8, st.Group);
        Int64(s, 9, st.Ctime); Zstr(s, 10, Zulu(st.Ctime)); Int64(s, 11, st.Mtime); Zstr(s, 12, Zulu(st.Mtime));
        Int64(s, 13, st.Atime); Zstr(s, 14, Zulu(st.Atime));
        if (st.Link is { } link) Zstr(s, 15, link);
    });

    private static string Zulu(long epoch) => DateTimeOffset.FromUnixTimeSeconds(epoch).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Struct(Action<MemoryStream> fill)
    {
        var s = new MemoryStream();
        fill(s);
        return s.ToArray();
    }

    private static void Zstr(Stream s, int type, string value) => Put(s, type, [.. Encoding.UTF8.GetBytes(value), 0]);

    private static void Int32(Stream s, int type, int value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, value);
        Put(s, type, b);
    }

    private static void Int64(Stream s, int type, long value)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, value);
        Put(s, type, b);
    }

    private static void Put(Stream s, int type, byte[] value)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = (byte)type;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], value.Length);
        s.Write(header);
        s.Write(value);
    }
}
