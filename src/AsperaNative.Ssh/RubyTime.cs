using System.Globalization;

namespace AsperaNative.Ssh;

/// <summary>Times as ascli shows a Ruby <c>Time</c> (<c>Time#to_s</c>): local time, <c>2024-05-01 10:00:00 +0200</c>.</summary>
public static class RubyTime
{
    public static string Format(long epochSeconds)
    {
        var local = DateTimeOffset.FromUnixTimeSeconds(epochSeconds).ToLocalTime();
        var offset = local.Offset;
        char sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + $" {sign}{offset.Hours:00}{offset.Minutes:00}";
    }
}
