using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Formats;

/// <summary>
/// The <c>nagios</c> format: one line <c>STATUS - [comp:m1,m2, comp2:m]</c> from a list of
/// <c>{status, component, message}</c>, keeping only the non-ok entries when there are any,
/// and the plugin exit code of the first (lowest level) entry: 0 ok, 1 warning, 2 critical.
/// </summary>
internal static class NagiosRenderer
{
    private static readonly string[] Levels = ["ok", "warning", "critical", "unknown", "dependent"];

    /// <summary>Writes the status line and returns the exit code.</summary>
    public static int Render(TextWriter output, JsonNode? data)
    {
        if (data is not JsonArray list) throw CliException.Assertion($"expecting Array, but have {RubyInspect.Inspect(data)}");
        if (list.Count == 0) throw CliException.Assertion("data is empty");
        foreach (var column in new[] { "status", "component", "message" })
            if (list[0] is not JsonObject first || !first.ContainsKey(column))
                throw CliException.Assertion($"result must have {column}");
        var entries = list.Select(static i => (JsonObject)i!).ToList();
        var errors = entries.Where(static e => RubyToS.Of(e["status"]) != "ok").ToList();
        if (errors.Count > 0) entries = errors;
        // the most important first: a stable sort on the level
        entries = entries.OrderBy(static e => Level(RubyToS.Of(e["status"]))).ToList();
        var components = entries.Select(static e => RubyToS.Of(e["component"])).Distinct(StringComparer.Ordinal);
        string message = string.Join(", ", components.Select(c =>
            c + ":" + string.Join(',', entries.Where(e => RubyToS.Of(e["component"]) == c).Select(static e => RubyToS.Of(e["message"])))))
            .Replace('\n', ' ');
        string status = RubyToS.Of(entries[0]["status"]);
        output.Write(status.ToUpperInvariant() + " - [" + message + "]\n");
        int level = Level(status);
        return level == int.MaxValue ? 3 : level;
    }

    private static int Level(string status)
    {
        int i = Array.IndexOf(Levels, status);
        return i < 0 ? int.MaxValue : i;
    }
}
