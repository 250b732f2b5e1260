using System.Text.Json.Nodes;

namespace AsperaNative.Ssh.Files;

/// <summary>A file's status in the field order of ascmd's <c>stat</c> record, as ascli shows it.</summary>
public sealed record FileStat(string Name, long Size, uint Mode, string Owner, uint Uid, string Group, uint Gid, long Ctime, long Mtime, long Atime)
{
    /// <summary>The stat hash (times as Ruby shows them, <c>z</c> fields as ascmd writes them).</summary>
    public JsonObject ToJson() => new()
    {
        ["name"] = Name, ["size"] = Size, ["mode"] = (long)Mode, ["zmode"] = ModeString(Mode),
        ["uid"] = (long)Uid, ["zuid"] = Owner, ["gid"] = (long)Gid, ["zgid"] = Group,
        ["ctime"] = RubyTime.Format(Ctime), ["zctime"] = Zulu(Ctime),
        ["mtime"] = RubyTime.Format(Mtime), ["zmtime"] = Zulu(Mtime),
        ["atime"] = RubyTime.Format(Atime), ["zatime"] = Zulu(Atime),
    };

    /// <summary>ascmd's textual time: <c>2024-05-01 10:00:00</c> in UTC.</summary>
    public static string Zulu(long epoch) => DateTimeOffset.FromUnixTimeSeconds(epoch).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>ls -l</c>'s mode string (<c>drwxr-xr-x</c>).</summary>
    public static string ModeString(uint mode)
    {
        char type = (mode & 0xF000) switch
        {
            0x4000 => 'd', 0xA000 => 'l', 0x2000 => 'c', 0x6000 => 'b', 0x1000 => 'p', 0xC000 => 's', _ => '-',
        };
        Span<char> s = stackalloc char[10];
        s[0] = type;
        const string rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) s[i + 1] = (mode & (1u << (8 - i))) != 0 ? rwx[i] : '-';
        if ((mode & 0x800) != 0) s[3] = s[3] == 'x' ? 's' : 'S';
        if ((mode & 0x400) != 0) s[6] = s[6] == 'x' ? 's' : 'S';
        if ((mode & 0x200) != 0) s[9] = s[9] == 'x' ? 't' : 'T';
        return new string(s);
    }
}
