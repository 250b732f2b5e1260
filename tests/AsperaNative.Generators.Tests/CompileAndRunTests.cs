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
    private static readonly Lazy<PluginDescriptor> Descriptor = new(() =>
    {
        var (_, _, output) = GeneratorRunner.Run(Samples.SimpleOptions, Samples.Plugin);
        var assembly = GeneratorRunner.Load(output);
        // the registry generator's assembly attribute names the descriptor type
        var provider = assembly.GetCustomAttribute<Core.Attributes.PluginDescriptorProviderAttribute>()!;
        Assert.Equal("sample", provider.Name);
        return (PluginDescriptor)provider.Provider.GetField("Instance")!.GetValue(null)!;
    });

    private static string Run(string options, params string[] words)
    {
        var ev = new ExtendedValueContext(Core.Terminal.Terminal.Test(), "/tmp");
        var store = new OptionStore(options.Length == 0 ? [] : options.Split(' '), [], ev);
        var plugin = Descriptor.Value;
        store.Declare(plugin.Options);
        store.Parse();
        var context = new PluginContext(store, ev.Terminal, _ => { });
        var instance = plugin.Create(context);
        var result = CommandRunner.Run(instance, plugin.Tree, new CommandContext(new ArgumentReader(words, ev), context)).AsTask().Result;
        return ((JsonValue)result.Data!).GetValue<string>();
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
