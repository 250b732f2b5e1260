using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Ssh.Ascmd;

/// <summary>
/// Decodes ascmd's typed binary replies (ascmdtypes.h): a buffer list is a sequence of
/// <c>type (1 byte) · length (4 bytes, big endian) · value</c>; a structure is a buffer list whose types are
/// 1-based field numbers; integers are big-endian, strings NUL-terminated, times epoch seconds.
/// </summary>
public static class AscmdDecoder
{
    private enum Kind { Zstr, Int32, Int64, Epoch, Struct, SubStructList, Multiple, True, RestartOnFirst }

    private sealed record Field(string Name, Kind Kind, Struct? Type = null);

    private sealed record Struct(string Name, Field[] Fields);

    private static readonly Struct Stat = new("stat",
    [
        new("name", Kind.Zstr), new("size", Kind.Int64), new("mode", Kind.Int32), new("zmode", Kind.Zstr),
        new("uid", Kind.Int32), new("zuid", Kind.Zstr), new("gid", Kind.Int32), new("zgid", Kind.Zstr),
        new("ctime", Kind.Epoch), new("zctime", Kind.Zstr), new("mtime", Kind.Epoch), new("zmtime", Kind.Zstr),
        new("atime", Kind.Epoch), new("zatime", Kind.Zstr), new("symlink", Kind.Zstr), new("errno", Kind.Int32),
        new("errstr", Kind.Zstr),
    ]);

    private static readonly Struct Info = new("info",
    [
        new("platform", Kind.Zstr), new("version", Kind.Zstr), new("lang", Kind.Zstr), new("territory", Kind.Zstr),
        new("codeset", Kind.Zstr), new("lc_ctype", Kind.Zstr), new("lc_numeric", Kind.Zstr), new("lc_time", Kind.Zstr),
        new("lc_all", Kind.Zstr), new("dev", Kind.Multiple), new("browse_caps", Kind.Zstr), new("protocol", Kind.Zstr),
    ]);

    private static readonly Struct Size = new("size",
        [new("size", Kind.Int64), new("fcount", Kind.Int32), new("dcount", Kind.Int32), new("failed_fcount", Kind.Int32), new("failed_dcount", Kind.Int32)]);

    private static readonly Struct Error = new("error", [new("errno", Kind.Int32), new("errstr", Kind.Zstr)]);

    private static readonly Struct Mount = new("mnt",
    [
        new("fs", Kind.Zstr), new("dir", Kind.Zstr), new("is_a", Kind.Zstr), new("total", Kind.Int64), new("used", Kind.Int64),
        new("free", Kind.Int64), new("fcount", Kind.Int64), new("errno", Kind.Int32), new("errstr", Kind.Zstr),
    ]);

    private static readonly Struct Md5 = new("md5sum", [new("md5sum", Kind.Zstr)]);

    private static readonly Struct Reply = new("result",
    [
        new("file", Kind.Struct, Stat), new("dir", Kind.SubStructList, Stat), new("size", Kind.Struct, Size),
        new("error", Kind.Struct, Error), new("info", Kind.Struct, Info), new("success", Kind.True),
        new("exit", Kind.Struct, null), new("df", Kind.RestartOnFirst, Mount), new("md5sum", Kind.Struct, Md5),
    ]);

    /// <summary>The reply hash: one entry per record type, a later record replacing an earlier one of the same type.</summary>
    public static Dictionary<string, JsonNode?> DecodeReply(ReadOnlySpan<byte> buffer)
    {
        var reply = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in Fields(Reply, buffer)) reply[name] = value;
        return reply;
    }

    private static List<(string Name, JsonNode? Value)> Fields(Struct type, ReadOnlySpan<byte> buffer)
    {
        var fields = new List<(string, JsonNode?)>();
        JsonArray? multiple = null;
        foreach (var (btype, start, length) in BufferList(buffer))
        {
            var value = buffer.Slice(start, length);
            var field = FieldOf(type, btype);
            switch (field.Kind)
            {
                case Kind.True:
                    fields.Add((field.Name, true));
                    break;
                case Kind.Multiple:
                    if (multiple is null) fields.Add((field.Name, multiple = []));
                    multiple.Add((JsonNode)ZeroTerminated(value));
                    break;
                case Kind.SubStructList:
                    var list = new JsonArray();
                    foreach (var (_, s, l) in BufferList(value)) list.Add((JsonNode)Object(field.Type!, value.Slice(s, l)));
                    fields.Add((field.Name, list));
                    break;
                case Kind.RestartOnFirst:
                    var entries = new JsonArray();
                    JsonObject? current = null;
                    foreach (var (t, s, l) in BufferList(value))
                    {
                        if (t == 1 || current is null) entries.Add((JsonNode)(current = []));
                        var sub = FieldOf(field.Type!, t);
                        current[sub.Name] = Base(sub.Kind, value.Slice(s, l));
                    }
                    fields.Add((field.Name, entries));
                    break;
                case Kind.Struct:
                    if (field.Type is null) throw CliException.Runtime($"Unexpected type {field.Name}");
                    fields.Add((field.Name, Object(field.Type, value)));
                    break;
                default:
                    fields.Add((field.Name, Base(field.Kind, value)));
                    break;
            }
        }
        return fields;
    }

    private static JsonObject Object(Struct type, ReadOnlySpan<byte> buffer)
    {
        var result = new JsonObject();
        foreach (var (name, value) in Fields(type, buffer)) result[name] = value;
        return result;
    }

    private static Field FieldOf(Struct type, int btype)
        => btype >= 1 && btype <= type.Fields.Length ? type.Fields[btype - 1] : throw CliException.Runtime($"Unrecognized field for {type.Name}: {btype}");

    private static JsonNode? Base(Kind kind, ReadOnlySpan<byte> value) => kind switch
    {
        Kind.Zstr => ZeroTerminated(value),
        Kind.Int32 => (long)BinaryPrimitives.ReadUInt32BigEndian(Need(value, 4)),
        Kind.Int64 => (long)BinaryPrimitives.ReadUInt64BigEndian(Need(value, 8)),
        Kind.Epoch => RubyTime.Format((long)BinaryPrimitives.ReadUInt64BigEndian(Need(value, 8))),
        _ => throw CliException.Runtime($"Unexpected type {kind}"),
    };

    private static ReadOnlySpan<byte> Need(ReadOnlySpan<byte> value, int size)
        => value.Length >= size ? value : throw CliException.Runtime("ERROR:not enough bytes");

    private static string ZeroTerminated(ReadOnlySpan<byte> value)
    {
        int end = value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? value : value[..end]);
    }

    private static List<(int Type, int Start, int Length)> BufferList(ReadOnlySpan<byte> buffer)
    {
        var list = new List<(int, int, int)>();
        int offset = 0;
        while (offset < buffer.Length)
        {
            if (buffer.Length - offset < 5) throw CliException.Runtime("ERROR:not enough bytes");
            int type = buffer[offset];
            uint length = BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(offset + 1, 4));
            offset += 5;
            if (buffer.Length - offset < length) throw CliException.Runtime("ERROR:not enough bytes");
            list.Add((type, offset, (int)length));
            offset += (int)length;
        }
        return list;
    }
}
