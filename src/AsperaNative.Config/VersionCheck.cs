using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Values;

namespace AsperaNative.Config;

/// <summary>
/// The period of <c>--version-check-days</c>: the date of the last check is kept in the persistency folder
/// (id <c>version_last_check</c>, a JSON array holding <c>yyyy/mm/dd</c>, as ascli stores it). Only the
/// bookkeeping is here: the start-up never waits on the network.
/// </summary>
public static class VersionCheck
{
    public const string PersistencyId = "version_last_check";
    private const string DateFormat = "yyyy/MM/dd";

    /// <summary>Whether a check is due today: a period of zero disables it; no or an unreadable date means due.</summary>
    public static bool IsDue(PersistencyFolder folder, long periodDays, DateOnly today)
    {
        if (periodDays <= 0) return false;
        if (LastCheck(folder) is not { } last) return true;
        return today.DayNumber - last.DayNumber >= periodDays;
    }

    /// <summary>Records today as the date of the last check.</summary>
    public static void MarkChecked(PersistencyFolder folder, DateOnly today)
        => folder.Put(PersistencyId, new JsonArray(today.ToString(DateFormat, CultureInfo.InvariantCulture)).ToJsonString());

    /// <summary>The recorded date, or null.</summary>
    public static DateOnly? LastCheck(PersistencyFolder folder)
    {
        try
        {
            return JsonNode.Parse(folder.Get(PersistencyId) ?? "null") is JsonArray { Count: > 0 } a
                && a[0] is JsonValue v && JsonScalar.TryGetText(v, out string? text)
                && DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
