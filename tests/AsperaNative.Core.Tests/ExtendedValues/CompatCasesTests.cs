using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.Tests.ExtendedValues;

/// <summary>
/// Every <c>echo</c> and <c>errors</c> case recorded from ascli 4.21 (a copy of those lines of
/// shared/compat/offline.sample.jsonl): the argument of <c>config echo</c> is evaluated with the case's
/// stdin, environment and files, and the value (not its formatting) compared.
/// </summary>
public class CompatCasesTests
{
    /// <summary>The value each case's output shows, as compact JSON (<c>null</c> for nil); or the error line.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["echo_json_array_first"] = "[1,2,3]",
        ["echo_base64_invalid"] = "\"\"",
        ["echo_csvt_short_row"] = "[{\"a\":\"1\",\"b\":null}]",
        ["echo_env_special"] = "\"Test \\u0022 \\u0027 \\u0026 \\\\\"",
        ["echo_env_home"] = "HOME",
        ["echo_file_tilde"] = "\"line1\\nline2\\n\"",
        ["echo_lines_stdin"] = "[\"l1\",\"l2\"]",
        ["echo_lines_file"] = "[\"first line\",\"second\"]",
        ["echo_list_pipe"] = "[\"a\",\"b\",\"c\"]",
        ["echo_path_dots"] = "\"/a/c\"",
        ["echo_preset_config"] = "{\"version\":\"4.21.1\"}",
        ["echo_preset_user"] = "{\"url\":\"https://x\",\"ts\":{\"a\":1,\"b\":[1,2]}}",
        ["echo_preset_user_deep"] = "[1,2]",
        ["echo_extend_no_marker"] = "\"no markers\"",
        ["echo_extend_val_quirk"] = "\"json:x\"",
        ["echo_val_file_quirk"] = "\"@file:f.txt\"",
        ["echo_val_extend"] = "\"@extend:x\"",
        ["echo_yaml_single_key"] = "{\"a\":1}",
        ["echo_yaml_types"] = "{\"a\":true,\"b\":8,\"c\":\"1.5e3\",\"d\":null,\"e\":\"2\"}",
        ["echo_stdin_json"] = "{\"a\":{\"b\":null}}",
        ["echo_uri_file_dot"] = "\"content-f\\n\"",
        ["echo_uri_no_scheme"] = "\"content-f\\n\"",
        ["echo_uri_tilde"] = "\"content-f\\n\"",
        ["echo_unknown_decoder"] = "\"@foo:bar\"",
        ["err_json_invalid"] = "ERROR: Other(JSON::ParserError): 859: unexpected token at '{bad'",
        ["err_json_null_result"] = "null",                  // the output layer then refuses a nil result
        ["err_none_json"] = "null",
        ["err_file_missing"] = "ERROR: Other(Errno::ENOENT): No such file or directory @ rb_sysopen - <HOME>/missing.txt",
        ["err_zlib_checksum"] = "ERROR: Other(Zlib::DataError): incorrect data check",
        ["err_yaml_empty"] = "null",
        ["err_stdin_value"] = "ERROR: Other(RuntimeError): no value allowed for extended value type: stdin",
    };

    /// <summary>Cases whose argument is no extended value: they test the command line or the output layer.</summary>
    private static readonly HashSet<string> NotExtendedValues = ["echo_dash_dash_before", "err_select_text_data"];

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in LoadCases()) data.Add(c["id"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void EvaluatesAsRecorded(string id)
    {
        if (NotExtendedValues.Contains(id)) return;
        Assert.True(Expected.TryGetValue(id, out var expected), $"no expectation for case {id}");
        var c = LoadCases().Single(x => x["id"]!.GetValue<string>() == id);
        string home = Directory.CreateTempSubdirectory("ev-home").FullName;
        try
        {
            foreach (var (name, content) in c["files"]!.AsObject())
            {
                string path = Path.Combine(home, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content!.GetValue<string>());
            }
            foreach (var (name, envValue) in c["env"]!.AsObject()) Environment.SetEnvironmentVariable(name, envValue!.GetValue<string>());
            var context = new ExtendedValueContext(Terminal.Terminal.Test(c["stdin"]?.GetValue<string>() ?? ""), home)
            {
                CurrentFolder = home,
                PresetLookup = PresetsOf(c),
            };
            string argument = c["args"]!.AsArray().Select(a => a!.GetValue<string>()).First(a => a.StartsWith('@'));
            if (expected.StartsWith("ERROR: ", StringComparison.Ordinal))
            {
                var e = Assert.Throws<CliException>(() => ExtendedValue.Evaluate(argument, context));
                Assert.Equal(expected.Replace("<HOME>", home), $"ERROR: {e.Kind}: {e.Message}");
                return;
            }
            var value = ExtendedValue.Evaluate(argument, context);
            if (expected == "HOME") expected = JsonValue.Create(Environment.GetEnvironmentVariable("HOME"))!.ToJsonString();
            Assert.Equal(expected, value?.ToJsonString() ?? "null");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>The presets the case's setup commands create (<c>config preset init NAME @json:…</c>), plus <c>config</c>.</summary>
    private static Func<string, JsonNode?> PresetsOf(JsonNode c)
    {
        var presets = new JsonObject { ["config"] = new JsonObject { ["version"] = "4.21.1" } };
        foreach (var step in c["setup"]!.AsArray())
        {
            var words = step!.AsArray().Select(w => w!.GetValue<string>()).ToArray();
            if (words[..3].SequenceEqual(["config", "preset", "init"])) presets[words[3]] = JsonNode.Parse(words[4]["@json:".Length..]);
        }
        return path =>
        {
            JsonNode? node = presets;
            foreach (var part in path.Split('.')) node = node?[part];
            return node?.DeepClone();
        };
    }

    private static List<JsonNode> LoadCases()
        => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "ExtendedValues", "offline.echo-errors.jsonl"))
            .Where(static l => l.Length > 0).Select(static l => JsonNode.Parse(l)!).ToList();
}
