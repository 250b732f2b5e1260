using Microsoft.CodeAnalysis;

namespace AsperaNative.Generators.Tests;

/// <summary>Each declaration error is refused at build time with its ID, on the offending syntax.</summary>
public class DiagnosticTests
{
    private const string Plugin = """
        namespace Sample;
        /// <summary>Sample product</summary>
        [Plugin("sample")] public sealed class SamplePlugin(PluginContext context) { }

        """;

    private static (string Id, string Text) Single(params string[] sources)
    {
        var (_, diagnostics, _) = GeneratorRunner.Run(sources);
        var d = Assert.Single(diagnostics);
        // generator diagnostics carry file locations: find the source by its path
        string path = d.Location.GetLineSpan().Path;
        string source = sources[int.Parse(path["Sample".Length..^".cs".Length], System.Globalization.CultureInfo.InvariantCulture)];
        return (d.Id, source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    [Fact]
    public void Duplicate_command_path() => Assert.Equal("ASPN001", Single(Samples.Usings + Plugin + """
        [CommandGroup("sample")] internal sealed class A { /// <summary>List</summary>
            [Command("list")] public static Result L() => Result.Empty; }
        [CommandGroup("sample")] internal sealed class B { /// <summary>List again</summary>
            [Command("list")] public static Result L2() => Result.Empty; }
        """).Id);

    [Fact]
    public void Duplicate_option_name()
    {
        var (id, _) = Single(Samples.Usings + """
            namespace Sample;
            [OptionSet] public sealed partial class O {
                /// <summary>Url</summary>
                [Option("url")] public partial string? A { get; }
                /// <summary>Url again</summary>
                [Option("url")] public partial string? B { get; } }
            """);
        Assert.Equal("ASPN002", id);
    }

    [Fact]
    public void Identifier_beside_words() => Assert.Equal("ASPN003", Single(Samples.Usings + Plugin + """
        [CommandGroup("sample <id>")] internal sealed class A { /// <summary>Show</summary>
            [Command("show")] public static Result S() => Result.Empty; }
        [CommandGroup("sample")] internal sealed class B { /// <summary>List</summary>
            [Command("list")] public static Result L() => Result.Empty; }
        """).Id);

    [Fact]
    public void Group_outside_a_plugin()
    {
        var (id, text) = Single(Samples.Usings + Plugin + """
            [CommandGroup("other thing")] internal sealed class A { /// <summary>List</summary>
                [Command("list")] public static Result L() => Result.Empty; }
            """);
        Assert.Equal("ASPN004", id);
        Assert.StartsWith("[CommandGroup(\"other thing\")]", text);
    }

    [Fact]
    public void Bad_command_signature()
    {
        var (id, text) = Single(Samples.Usings + Plugin + """
            [CommandGroup("sample")] internal sealed class A { /// <summary>List</summary>
                [Command("list")] public static string L(int x) => ""; }
            """);
        Assert.Equal("ASPN005", id);
        Assert.Contains("public static string L(int x)", text);
    }

    [Fact]
    public void Option_property_not_partial() => Assert.Equal("ASPN006", Single(Samples.Usings + """
        namespace Sample;
        [OptionSet] public sealed partial class O {
            /// <summary>Url</summary>
            [Option("url")] public string? Url { get; set; } }
        """).Id);

    [Fact]
    public void Missing_summary() => Assert.Equal("ASPN007", Single(Samples.Usings + """
        namespace Sample;
        [OptionSet] public sealed partial class O { [Option("url")] public partial string? Url { get; } }
        """).Id);

    [Theory]
    [InlineData("Ends with a dot.")]
    [InlineData("starts lowercase")]
    public void Help_style(string summary) => Assert.Equal("ASPN008", Single(Samples.Usings + $$"""
        namespace Sample;
        [OptionSet] public sealed partial class O {
            /// <summary>{{summary}}</summary>
            [Option("url")] public partial string? Url { get; } }
        """).Id);

    [Fact]
    public void Unsupported_constructor_parameter() => Assert.Equal("ASPN009", Single(Samples.Usings + """
        namespace Sample;
        /// <summary>Sample product</summary>
        [Plugin("sample")] public sealed class SamplePlugin(System.IO.Stream stream) { }
        """).Id);

    [Fact]
    public void Enum_without_values() => Assert.Equal("ASPN010", Single(Samples.Usings + """
        namespace Sample;
        [OptionSet] public sealed partial class O {
            /// <summary>Mode</summary>
            [Option("mode", Type = OptionType.Enum)] public partial string? Mode { get; } }
        """).Id);

    [Fact]
    public void Mount_collides_with_a_command() => Assert.Equal("ASPN011", Single(Samples.Usings + """
        namespace Sample;
        [CommandSet("set")] public sealed class S { }
        [CommandGroup("set")] internal sealed class SC { /// <summary>List</summary>
            [Command("list")] public static Result L() => Result.Empty; }
        /// <summary>Sample product</summary>
        [Plugin("sample")] [MountCommands(typeof(S), "", Scope = nameof(Scope))]
        public sealed class SamplePlugin(PluginContext context) { public S Scope() => new(); }
        [CommandGroup("sample")] internal sealed class A { /// <summary>List here</summary>
            [Command("list")] public static Result L() => Result.Empty; }
        """).Id);

    [Fact]
    public void Mount_with_a_bad_scope_member() => Assert.Equal("ASPN012", Single(Samples.Usings + """
        namespace Sample;
        [CommandSet("set")] public sealed class S { }
        /// <summary>Sample product</summary>
        [Plugin("sample")] [MountCommands(typeof(S), "x", Scope = "Missing")]
        public sealed class SamplePlugin(PluginContext context) { }
        """).Id);

    [Fact]
    public void Mount_of_an_unknown_verb() => Assert.Equal("ASPN012", Single(Samples.Usings + """
        namespace Sample;
        [CommandSet("set")] public sealed class S { }
        [CommandGroup("set")] internal sealed class SC { /// <summary>List</summary>
            [Command("list")] public static Result L() => Result.Empty; }
        /// <summary>Sample product</summary>
        [Plugin("sample")] [MountCommands(typeof(S), "x", Scope = nameof(Scope), Verbs = "list|nope")]
        public sealed class SamplePlugin(PluginContext context) { public S Scope() => new(); }
        """).Id);

    [Fact]
    public void Argument_of_an_unsupported_type() => Assert.Equal("ASPN005", Single(Samples.Usings + Plugin + """
        [CommandGroup("sample")] internal sealed class A { /// <summary>List</summary>
            [Command("list")] public static Result L([Argument("when")] System.DateTime when) => Result.Empty; }
        """).Id);

}
