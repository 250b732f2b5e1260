using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Core.Results;

/// <summary>
/// The checks of a <c>health</c> command (ascli's Nagios class): rows of status, component and message,
/// shown as a list, or by <c>--format=nagios</c> as one line and an exit code.
/// </summary>
public sealed class NagiosChecks
{
    private readonly JsonArray _rows = [];

    public void Ok(string component, string message) => Add("ok", component, message);
    public void Warning(string component, string message) => Add("warning", component, message);
    public void Critical(string component, string message) => Add("critical", component, message);

    /// <summary>
    /// The remote clock against ours, as ascli computes it: the difference in days (critical from 5, warning
    /// from 2), shown as that number rounded to hundreds followed by "sec" (ascli's words).
    /// </summary>
    public void CheckTimeOffset(string remoteDate, string component)
    {
        if (!DateTimeOffset.TryParse(remoteDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var remote))
            throw CliException.Other("Date::Error", "invalid date");
        double days = Math.Abs((remote - DateTimeOffset.Now).TotalDays);
        long rounded = (long)Math.Round(days / 100, MidpointRounding.AwayFromZero) * 100;
        string message = string.Create(CultureInfo.InvariantCulture, $"offset {rounded} sec");
        if (days >= 5) Critical(component, message);
        else if (days >= 2) Warning(component, message);
        else Ok(component, message);
    }

    public void CheckProductVersion(string component, string version) => Ok(component, $"version {version}");

    private void Add(string status, string component, string message)
        => _rows.Add((JsonNode)new JsonObject { ["status"] = status, ["component"] = component, ["message"] = message });

    public Result Result => _rows.Count == 0
        ? throw CliException.Runtime("missing result")
        : Results.Result.ObjectList(_rows, ["status", "component", "message"]);
}
