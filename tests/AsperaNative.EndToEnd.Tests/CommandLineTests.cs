namespace AsperaNative.EndToEnd.Tests;

/// <summary>The command line as ascli users know it: words, options, errors and exit codes.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly Ascli _ascli = new();

    public void Dispose() => _ascli.Dispose();

    [Fact]
    public void Version_is_printed() => Assert.Equal("4.21.1\n", _ascli.Exec("-v").Out);

    [Theory]
    [InlineData(new string[0], "config")]
    [InlineData(new[] { "conf" }, "echo")]
    [InlineData(new[] { "config", "preset" }, "overview")]
    public void Missing_command_lists_the_words(string[] args, string expectedWord)
    {
        var run = _ascli.Exec(args);
        Assert.Equal(1, run.Exit);
        Assert.Equal("ERROR: Argument: missing argument: command (Symbol)", run.FirstError);
        Assert.Contains(expectedWord, run.UseList);
    }

    [Theory]
    [InlineData("config echo hello -Z", "ERROR: Argument: unprocessed options: [\"-Z\"]", "\"hello\"\n")]
    [InlineData("config echo 1 2 3", "ERROR: Argument: unprocessed values: [\"2\", \"3\"]", "\"1\"\n")]
    [InlineData("config echo hello --format json", "ERROR: Other(OptionParser::MissingArgument): missing argument: --format", "")]
    [InlineData("config echo hello --format=jsonx", "ERROR: Other(OptionParser::InvalidArgument): invalid argument: --format=jsonx", "")]
    [InlineData("config echo hello --f=x", "ERROR: Other(OptionParser::AmbiguousOption): ambiguous option: --f=x", "")]
    [InlineData("config pxx", "ERROR: Argument: unknown value for command (Symbol): pxx", "")]
    [InlineData("config p", "ERROR: Argument: ambiguous shortcut for command (Symbol): p", "")]
    public void Errors_use_ascli_words_and_exit_1(string argv, string error, string stdout)
    {
        var run = _ascli.Exec(argv.Split(' '));
        Assert.Equal(1, run.Exit);
        Assert.Equal(error, run.FirstError);
        Assert.Equal(stdout, run.Out);
    }

    [Theory]
    [InlineData("conf ech hello", "\"hello\"\n")]
    [InlineData("config echo hello --form=text", "hello\n")]
    [InlineData("config echo -- -x", "\"-x\"\n")]
    [InlineData("config --format=json echo @json:{\"a\":1}", "{\"a\":1}\n")]
    public void Abbreviations_and_options_anywhere(string argv, string stdout)
    {
        var run = _ascli.Exec(argv.Split(' '));
        Assert.Equal(0, run.Exit);
        Assert.Equal(stdout, run.Out);
    }

    [Fact]
    public void Environment_variables_set_options()
    {
        var run = _ascli.Exec(["config", "echo", "@json:{\"a\":1}"], env: new Dictionary<string, string?> { ["ASCLI_FORMAT"] = "json" });
        Assert.Equal("{\"a\":1}\n", run.Out);
    }

    [Fact]
    public void Presets_are_loaded_by_name_and_hash()
    {
        Assert.Equal(0, _ascli.Exec("config", "preset", "init", "fmt", "@json:{\"format\":\"json\"}").Exit);
        Assert.Equal("{\"a\":1}\n", _ascli.Exec("config", "echo", "@json:{\"a\":1}", "-Pfmt").Out);
        Assert.Equal("---\na: 1\n", _ascli.Exec("config", "echo", "@json:{\"a\":1}", "--preset=@json:{\"format\":\"yaml\"}").Out);
        var missing = _ascli.Exec("config", "echo", "x", "-Pnope");
        Assert.Equal("ERROR: Tool: No such config preset: [\"nope\"]", missing.FirstError);
    }

    [Fact]
    public void Help_lists_global_options_and_the_plugin_tree()
    {
        // as ascli, help is written to stderr
        var run = _ascli.Exec("config", "-h");
        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains("        --format=ENUM                Output format: text, nagios, ruby, json, jsonpp, yaml, [table], csv, image", run.Err);
        Assert.Contains("    -P, --preset=VALUE", run.Err);
        Assert.Contains("config preset overview", run.Err);
    }

    [Fact]
    public void Show_config_displays_the_options_in_effect()
    {
        var run = _ascli.Exec(["--show-config", "--fields=format,multi_single,flat_hash"], env: new Dictionary<string, string?> { ["ASCLI_MULTI_SINGLE"] = "yes" });
        Assert.Equal("+--------------+-------+\n| field        | value |\n+--------------+-------+\n| format       | table |\n| multi_single | yes   |\n| flat_hash    | true  |\n+--------------+-------+\n", run.Out);
    }

    [Fact]
    public void Output_option_writes_results_to_a_file()
    {
        var run = _ascli.Exec("config", "echo", "@json:{\"a\":1}", "--output=o.txt", "--format=json");
        Assert.Equal("", run.Out);
        Assert.Equal("{\"a\":1}\n", File.ReadAllText(Path.Combine(_ascli.Home, "o.txt")));
    }
}
