using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Logging;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core;
using AsperaNative.Rest;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>
/// <c>config check_update</c>: the latest version published on rubygems.org against this one. As ascli, an
/// unreachable rubygems.org is a warning and the latest version shows as <c>0</c>.
/// </summary>
[CommandGroup("config")]
internal sealed class CheckUpdateCommands(RestFactory rest, AppLog log)
{
    internal const string GemName = "aspera-cli";
    private const string RubygemsApi = "https://rubygems.org/api/v1";

    /// <summary>Check if a newer version is available</summary>
    [Command("check_update")]
    public async Task<Result> CheckUpdate()
    {
        string current = ProductVersion.Value;
        string latest = await LatestVersion() ?? "0";
        return Result.SingleObject(new JsonObject
        {
            ["name"] = GemName,
            ["current"] = current,
            ["latest"] = latest,
            ["need_update"] = CompareVersions(current, latest) < 0,
        });
    }

    private async Task<string?> LatestVersion()
    {
        try
        {
            var data = await rest.Create(RubygemsApi).ReadAsync($"versions/{GemName}/latest.json");
            return data?["version"] is JsonValue version && JsonScalar.TryGetText(version, out string? text) ? text : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            const string warning = "Could not retrieve latest gem version on rubygems.";
            log.Warn(warning);
            return null;
        }
    }

    /// <summary>Ruby's <c>Gem::Version</c> order on dotted numbers (missing segments are zero, text segments sort first).</summary>
    internal static int CompareVersions(string a, string b)
    {
        string[] left = a.Split('.'), right = b.Split('.');
        for (int i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            string l = i < left.Length ? left[i] : "0", r = i < right.Length ? right[i] : "0";
            bool ln = long.TryParse(l, out long lv), rn = long.TryParse(r, out long rv);
            int c = ln && rn ? lv.CompareTo(rv) : ln ? 1 : rn ? -1 : string.CompareOrdinal(l, r);
            if (c != 0) return c;
        }
        return 0;
    }
}
