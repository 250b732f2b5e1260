using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;

namespace AsperaNative.Core.Tests.Options;

public class OptionStoreTests
{
    [Theory]
    [InlineData("--format=json", "format", "json")]
    [InlineData("--form=json", "format", "json")]
    [InlineData("--fo=js", "format", "json")]
    [InlineData("--format=y", "format", "yaml")]
    [InlineData("--format=js", "format", "json")]
    [InlineData("--format=jsonp", "format", "jsonpp")]
    [InlineData("--fields=a=b", "fields", "a=b")]
    [InlineData("--log-level=debug", "log_level", "debug")]
    [InlineData("-Pfmt", "preset", "fmt")]
    public void Binds_values_by_name_prefix_and_enum_prefix(string argv, string name, string expected)
    {
        var store = TestSupport.Store(argv);
        store.Parse();
        Assert.Equal(expected, store.GetString(name));
        Assert.Empty(store.UnprocessedCommandLine);
    }

    [Theory]
    [InlineData("--format", "Other(OptionParser::MissingArgument)", "missing argument: --format")]
    [InlineData("-P", "Other(OptionParser::MissingArgument)", "missing argument: -P")]
    [InlineData("--format=jsonx", "Other(OptionParser::InvalidArgument)", "invalid argument: --format=jsonx")]
    [InlineData("--format=t", "Other(OptionParser::AmbiguousArgument)", "ambiguous argument: --format=t")]
    [InlineData("--f=x", "Other(OptionParser::AmbiguousOption)", "ambiguous option: --f=x")]
    [InlineData("--flat-hash=true", "Other(OptionParser::InvalidArgument)", "invalid argument: --flat-hash=true")]
    [InlineData("--show-config=yes", "Other(OptionParser::NeedlessArgument)", "needless argument: --show-config=yes")]
    [InlineData("--lock-port=abc", "Other(OptionParser::InvalidArgument)", "invalid argument: --lock-port=abc")]
    public void Reports_parse_errors_in_ascli_words(string argv, string kind, string message)
    {
        var store = TestSupport.Store(argv);
        var e = Assert.Throws<CliException>(store.Parse);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("--lock-port=0x10", 16)]
    [InlineData("--lock-port=1_000", 1000)]
    [InlineData("--lock-port=-5", -5)]
    public void Integer_options_take_rubys_integer_text(string argv, long expected)
    {
        var store = TestSupport.Store(argv);
        store.Parse();
        Assert.Equal(expected, store.GetInteger("lock_port"));
    }

    [Theory]
    [InlineData("--select=abc", "Option select is a String but must be one of Hash,Proc")]
    [InlineData("--table-style=abc", "Option table_style is a String but must be Hash")]
    [InlineData("--fields=@json:{}", "Option fields is a Hash but must be one of String,Array,Regexp,Proc")]
    public void Option_value_types_are_checked_when_set(string argv, string message)
    {
        var store = TestSupport.Store(argv);
        var e = Assert.Throws<CliException>(store.Parse);
        Assert.Equal("Argument", e.Kind);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Preset_values_are_applied_one_pass_per_parse()
    {
        var store = TestSupport.Store("");
        store.Parse();
        store.AddPreset(new JsonObject { ["format"] = "json", ["undeclared_yet"] = "v" });
        store.Parse();
        Assert.Equal("json", store.GetString("format"));
        store.Declare([new OptionDescriptor("undeclared_yet", OptionType.String, "Later")]);
        store.Parse();
        Assert.Equal("v", store.GetString("undeclared_yet"));
    }

    [Fact]
    public void A_parse_error_leaves_the_following_options_unprocessed()
    {
        var store = TestSupport.Store("--format --fields=a");
        Assert.Throws<CliException>(store.Parse);
        Assert.Equal(["--fields=a"], store.UnprocessedCommandLine);
    }

    [Fact]
    public void Unknown_options_stay_pending_for_a_later_stage()
    {
        var store = TestSupport.Store("--url=x -Z --format=csv");
        store.Parse();
        Assert.Equal(["--url=x", "-Z"], store.UnprocessedCommandLine);
        store.Declare([new OptionDescriptor("url", OptionType.String, "URL")]);
        store.Parse();
        Assert.Equal("x", store.GetString("url"));
        Assert.Equal(["-Z"], store.UnprocessedCommandLine);
    }

    [Fact]
    public void Booleans_accept_yes_no_prefixes_and_store_booleans()
    {
        var store = TestSupport.Store("--flat-hash=n");
        store.Parse();
        Assert.False(store.GetBoolean("flat_hash"));
        Assert.True(TestSupport.Store("").GetBoolean("flat_hash"));
    }

    [Fact]
    public void Environment_applies_before_the_command_line()
    {
        var store = TestSupport.Store("--format=csv", [new("format", "json"), new("fields", "a,b")]);
        store.Parse();
        Assert.Equal("csv", store.GetString("format"));
        Assert.Equal("a,b", store.GetString("fields"));
    }

    [Fact]
    public void Environment_enum_errors_name_the_source()
    {
        var store = TestSupport.Store("", [new("format", "bad")]);
        var e = Assert.Throws<CliException>(store.Parse);
        Assert.Equal("Argument", e.Kind);
        Assert.StartsWith("unknown value for format in env: bad\nUse:\n- csv\n", e.Message);
    }

    [Fact]
    public void Presets_queued_after_the_global_stage_override_the_command_line()
    {
        // ascli: "-Pfmt --format=csv" still gives the preset's format
        var store = TestSupport.Store("--format=csv");
        store.Parse();
        store.AddPreset(new JsonObject { ["format"] = "json" });
        store.Parse();
        Assert.Equal("json", store.GetString("format"));
    }

    [Fact]
    public void A_default_preset_does_not_replace_values_queued_by_an_explicit_preset()
    {
        var store = TestSupport.Store("");
        store.AddPreset(new JsonObject { ["format"] = "json" });
        store.AddPreset(new JsonObject { ["format"] = "csv", ["fields"] = "a" }, overrideQueued: false);
        store.Parse();
        Assert.Equal("json", store.GetString("format"));
        Assert.Equal("a", store.GetString("fields"));
    }

    [Fact]
    public void Cumulative_hashes_deep_merge_and_null_stays_to_delete_the_key_later()
    {
        // as ascli's Hash#deep_merge!: the null reaches the transfer, which removes the key from the application's spec too
        var store = TestSupport.Store("--ts=@json:{\"a\":{\"x\":1,\"y\":2},\"b\":1} --ts=@json:{\"a\":{\"y\":null,\"z\":3},\"c\":true}");
        store.Parse();
        Assert.Equal("{\"a\":{\"x\":1,\"y\":null,\"z\":3},\"b\":1,\"c\":true}", store.GetHash("ts")!.ToJsonString());
    }

    [Fact]
    public void Defaults_are_given_when_read_and_replaced_or_merged_by_other_sources()
    {
        var store = TestSupport.Store("--kept=@json:{\"b\":2} --level=5");
        store.Declare([
            new OptionDescriptor("level", OptionType.Integer, "L") { Default = "3" },
            new OptionDescriptor("mode", OptionType.Enum, "M") { Default = "fast", Values = ["fast", "slow"] },
            new OptionDescriptor("kept", OptionType.String, "K") { Default = "@json:{\"a\":1}", Cumulative = true },
        ]);
        store.Parse();
        Assert.Equal(5, store.GetInteger("level"));
        Assert.True(store.IsSet("mode"));
        Assert.Equal("fast", store.GetString("mode"));
        Assert.Equal("{\"a\":1,\"b\":2}", store.GetHash("kept")!.ToJsonString());
        store.Set("mode", JsonValue.Create("slow"));
        Assert.Equal("slow", store.GetString("mode"));
    }

    [Fact]
    public void Flags_take_no_value()
    {
        var store = TestSupport.Store("-N --show-config");
        store.Parse();
        Assert.True(store.GetBoolean("no_default"));
        Assert.True(store.GetBoolean("show_config"));
    }

    [Fact]
    public void Mandatory_options_report_ascli_message()
    {
        var store = TestSupport.Store("");
        store.Declare([new OptionDescriptor("fpac", OptionType.String, "PAC")]);
        var e = Assert.Throws<CliException>(() => store.GetMandatory("fpac"));
        Assert.Equal("Argument", e.Kind);
        Assert.Equal("Missing mandatory option: fpac", e.Message);
    }

    [Fact]
    public void Handlers_run_when_an_option_is_set()
    {
        var seen = new List<string?>();
        var store = TestSupport.Store("-Pa --preset=b");
        store.OnSet("preset", v => seen.Add(OptionStore.AsString(v)));
        store.Parse();
        Assert.Equal(["a", "b"], seen);
    }

    [Fact]
    public void Command_line_table_keeps_order_and_uses_underscores()
    {
        var store = TestSupport.Store("--url=u --new-opt=n --flag --url=v");
        var table = store.TakeCommandLineTable();
        Assert.Equal(["url", "new_opt"], table.Select(p => p.Key));
        Assert.Equal("v", OptionStore.AsString(table[0].Value));
        Assert.Equal(["--flag"], store.UnprocessedCommandLine);
    }
}
