using System.Reflection;
using System.Text.Json.Nodes;
using AsperaNative.Core.CommandLine;
using AsperaNative.Core.Commands;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;

namespace AsperaNative.Generators.Tests;

/// <summary>The generated descriptor, compiled and run: options bind lazily, the tree dispatches to the methods.</summary>
public class CompileAndRunTests
{
    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var (_, diagnostics, output) = GeneratorRunner.Run(Samples.SimpleOptions, Samples.Plugin, Samples.Mounted);
        Assert.Empty(diagnostics);
        return GeneratorRunner.Load(output);
    });

    /// <summary>A plugin of the compiled samples, by the name its generated assembly attribute gives.</summary>
    private static PluginDescriptor Plugin(string name)
    {
        // the registry generator reads these assembly attributes; here they are read directly
        var provider = Compiled.Value.GetCustomAttributes<Core.Attributes.PluginDescriptorProviderAttribute>().Single(p => p.Name == name);
        return (PluginDescriptor)provider.Provider.GetField("Instance")!.GetValue(null)!;
    }

    private static Lazy<PluginDescriptor> Descriptor { get; } = new(() => Plugin("sample"));

    private static string Run(string options, params string[] words) => RunPlugin("sample", options, words);

    private static string RunPlugin(string name, string options, params string[] words)
    {
        var ev = new ExtendedValueContext(Core.Terminal.Terminal.Test(), "/tmp");
        var store = new OptionStore(options.Length == 0 ? [] : options.Split(' '), [], ev);
        var plugin = Plugin(name);
        store.Declare(plugin.Options);
        store.Parse();
        var context = new PluginContext(store, ev.Terminal, _ => { });
        var instance = plugin.Create(context);
        var result = CommandRunner.Run(instance, plugin.Tree, new ArgumentReader(words, ev), new CommandContext(context)).AsTask().GetAwaiter().GetResult();
        return ((JsonValue)result.Data!).GetValue<string>();
    }

    [Fact]
    public async Task Detection_and_wizard_capabilities_come_from_the_interfaces_of_the_plugin_class()
    {
        var mounting = Plugin("mounting");
        Assert.True(mounting.CanDetect);
        Assert.False(mounting.HasWizard);
        Assert.False(Descriptor.Value.CanDetect);
        Assert.False(Descriptor.Value.HasWizard);
        var ev = new ExtendedValueContext(Core.Terminal.Terminal.Test(), "/tmp");
        var detector = (IApplicationDetector)mounting.Create(new PluginContext(new OptionStore([], [], ev), ev.Terminal, _ => { }));
        Assert.Equal(new DetectedApplication("https://here", "1.0"), await detector.DetectAsync("here"));
        Assert.Null(await detector.DetectAsync("elsewhere"));
    }

    [Fact]
    public void Mounted_set_runs_in_the_scope_given_by_the_mount()
    {
        Assert.Equal("/home:a.txt:-:fast", RunPlugin("mounting", "", "home", "show", "a.txt"));
        Assert.Equal("/home:a.txt:3:slow", RunPlugin("mounting", "--mode=slow", "home", "show", "a.txt", "3"));
        Assert.Equal("/shared/us:b:-:fast", RunPlugin("mounting", "", "shared", "u", "show", "b"));
        Assert.Equal("/home/x/y:c:-:fast", RunPlugin("mounting", "", "home", "sub", "x", "sub", "y", "show", "c"));
    }

    [Fact]
    public void Mount_verbs_filter_the_set_and_the_set_options_are_the_plugin_options()
    {
        var tree = Plugin("mounting").Tree;
        Assert.Equal(["show", "sub"], tree.Child("home")!.ChildWords.Order());
        Assert.Equal(["show"], tree.Child("shared")!.PositionChild!.ChildWords);
        Assert.Contains(Plugin("mounting").Options, static o => o.Name == "mode");
        var show = tree.Child("home")!.Child("show")!;
        Assert.Equal(["<file>", "[<depth>]"], show.Arguments.Select(static a => a.Usage));
        Assert.Equal(ArgumentKind.Integer, show.Arguments[1].Kind);
    }

    [Fact]
    public void Declared_argument_errors_come_before_the_scope_is_entered()
    {
        var e = Assert.Throws<Core.Errors.CliException>(() => RunPlugin("mounting", "", "home", "show", "a", "abc"));
        Assert.Equal("Invalid integer: abc", e.Message);
    }

    [Fact]
    public void Options_are_declared_with_their_metadata()
    {
        var options = Descriptor.Value.Options.ToDictionary(static o => o.Name);
        Assert.Equal(OptionType.Integer, options["retries"].Type);
        Assert.Equal("3", options["retries"].Default);
        Assert.Equal(["fast", "slow"], options["mode"].Values);
        Assert.True(options["extra"].Cumulative);
        Assert.True(options["password"].Sensitive);
        Assert.Equal("Output mode", options["mode"].Description);
    }

    [Fact]
    public void Commands_dispatch_with_options_and_aliases()
    {
        Assert.Equal("url=https://x", Run("--url=https://x", "info"));
        Assert.Equal("ls /a", Run("", "files", "browse", "/a"));
        Assert.Equal("ls /b", Run("", "fi", "ls", "/b"));
        Assert.Equal("deleted", Run("", "files", "delete"));
        Assert.Equal("key 42", Run("", "keys", "do", "42", "show"));
    }

    [Fact]
    public void Required_options_fail_only_when_read()
    {
        var e = Assert.Throws<Core.Errors.CliException>(() => Run("", "info"));
        Assert.Equal("Missing mandatory option: url", e.Message);
    }

    [Fact]
    public void Tree_lists_words_for_use_lists()
    {
        var tree = Descriptor.Value.Tree;
        Assert.Equal(["info", "files", "keys"], tree.ChildWords);
        Assert.Equal(["ls", "browse", "delete"], tree.Child("files")!.ChildWords);
    }
}
