using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Tests;

/// <summary>
/// The recorded <c>format</c>, <c>fields</c> and <c>display</c> cases of <c>../shared/compat/offline.sample.jsonl</c>
/// that are a plain <c>config echo VALUE [output options]</c>, turned into a Result and OutputSettings.
/// Cases needing the rest of the CLI are listed in <see cref="ExpectedSkips"/> with the reason.
/// </summary>
public sealed record CompatCase(string Id, string[] Args, string Stdout, Result? Result, OutputSettings? Settings, string? SkipReason)
{
    private static readonly string[] Groups = ["format", "fields", "display"];

    /// <summary>Cases that need parts of the CLI other than the formatter.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExpectedSkips = new Dictionary<string, string>
    {
        ["fmt_status_csv"] = "config folder",
        ["fmt_nothing_text"] = "config preset set (checked by FormatterTests.NothingResultAmongStatusLines)",
        ["fmt_nothing_json"] = "config preset set (checked by FormatterTests.NothingResultAmongStatusLines)",
        ["fmt_abbrev_js"] = "abbreviated enum value",
        ["fmt_abbrev_y"] = "abbreviated enum value",
        ["sel_errors_bool_csv"] = "config ascp errors",
        ["secrets_show_abbrev"] = "abbreviated enum value",
    };

    /// <summary>Every case with <c>--output</c> writes a file or stdout through the CLI: checked end to end.</summary>
    public const string OutputOption = "--output";

    public static bool IsOutputOption(string arg) => arg.StartsWith(OutputOption + "=", StringComparison.Ordinal);

    public override string ToString() => Id;

    public static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, ".git")))
                return Path.Combine(dir.FullName, "..", "shared", "compat", "offline.sample.jsonl");
        }
        return "/work/shared/compat/offline.sample.jsonl";
    }

    public static IReadOnlyList<CompatCase> Load()
    {
        var cases = new List<CompatCase>();
        foreach (var line in File.ReadLines(SamplePath()))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var c = JsonNode.Parse(line)!.AsObject();
            if (Array.IndexOf(Groups, c["group"]!.GetValue<string>()) < 0) continue;
            cases.Add(Build(c));
        }
        return cases;
    }

    private static CompatCase Build(JsonObject c)
    {
        string id = c["id"]!.GetValue<string>();
        string[] args = [.. c["args"]!.AsArray().Select(static a => a!.GetValue<string>())];
        string stdout = c["stdout"]!.GetValue<string>();
        CompatCase Skip(string why) => new(id, args, stdout, null, null, why);
        if (c["exit"]!.GetValue<int>() != 0) return Skip("fails");
        if (c["stdin"] is not null || c["env"]!.AsObject().Count > 0 || c["files"]!.AsObject().Count > 0 || c["setup"]!.AsArray().Count > 0)
            return Skip("needs environment");
        if (args.Length < 3 || args[0] != "config" || args[1] != "echo") return Skip("not config echo");
        var settings = new OutputSettings();
        JsonNode? value = null;
        bool haveValue = false;
        foreach (var arg in args.Skip(2))
        {
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (haveValue) return Skip("several values");
                haveValue = true;
                value = arg.StartsWith("@json:", StringComparison.Ordinal) ? JsonNode.Parse(arg[6..]) : JsonValue.Create(arg);
                continue;
            }
            int eq = arg.IndexOf('=');
            if (eq < 0) return Skip("option without value");
            string name = arg[2..eq], text = arg[(eq + 1)..];
            JsonNode? ev = text.StartsWith("@json:", StringComparison.Ordinal) ? JsonNode.Parse(text[6..])
                : text.StartsWith("@re:", StringComparison.Ordinal) ? new RubyRegex(text[4..]).ToNode()
                : JsonValue.Create(text);
            bool Enum(params string[] allowed) => Array.IndexOf(allowed, text) >= 0;
            switch (name)
            {
                case "format" when Enum("table", "text", "ruby", "json", "jsonpp", "yaml", "csv", "nagios", "image"): settings = settings with { Format = text }; break;
                case "fields": settings = settings with { Fields = ev }; break;
                case "select": settings = settings with { Select = ev }; break;
                case "table-style": settings = settings with { TableStyle = ev }; break;
                case "flat-hash" when Enum("yes", "no"): settings = settings with { FlatHash = text == "yes" }; break;
                case "show-secrets" when Enum("yes", "no"): settings = settings with { ShowSecrets = text == "yes" }; break;
                case "multi-single" when Enum("no", "yes", "single"): settings = settings with { MultiSingle = text }; break;
                case "display" when Enum("info", "data", "error"): settings = settings with { Display = text }; break;
                case "output": return Skip(OutputOption);
                default: return Skip($"option {arg}");
            }
        }
        if (!haveValue) return Skip("no value");
        return new(id, args, stdout, Result.Auto(value), settings, null);
    }
}
