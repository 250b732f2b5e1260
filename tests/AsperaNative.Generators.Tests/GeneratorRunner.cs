using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using AsperaNative.Generators.Options;
using AsperaNative.Generators.Plugins;
using AsperaNative.Generators.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AsperaNative.Generators.Tests;

/// <summary>Compiles sample sources with the generators, as the build does (CAF's CSharpGeneratorRunner).</summary>
internal static class GeneratorRunner
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(static p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(static p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(Core.Attributes.PluginAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "Sample",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Sample{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        [new OptionSetGenerator().AsSourceGenerator(), new PluginGenerator().AsSourceGenerator(), new RegistryGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generators: generated files by hint name, generator diagnostics, and the diagnostics of the final compilation.</summary>
    public static (Dictionary<string, string> Sources, ImmutableArray<Diagnostic> GeneratorDiagnostics, Compilation Output) Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = driver.GetRunResult().Results.SelectMany(static r => r.GeneratedSources)
            .ToDictionary(static s => s.HintName, static s => s.SourceText.ToString());
        return (generated, diagnostics, output);
    }

    /// <summary>Emits the compilation and loads it in a collectible context (tests only: the product never loads code).</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join('\n', emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("sample", isCollectible: true).LoadFromStream(stream);
    }
}
