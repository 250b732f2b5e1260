using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AsperaNative.Generators.Tests;

/// <summary>An edit elsewhere reuses the cached specs: the named steps report Cached or Unchanged.</summary>
public class IncrementalityTests
{
    [Theory]
    [InlineData("Options.1_Spec")]
    [InlineData("Plugins.1_Plugin")]
    [InlineData("Plugins.2_Group")]
    public void Unrelated_edit_keeps_specs_cached(string step)
    {
        var compilation = GeneratorRunner.Compile(Samples.SimpleOptions, Samples.Plugin, "namespace Other; class Unrelated { }");
        var driver = GeneratorRunner.Driver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Other; class Unrelated { int x; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Sample2.cs"));
        driver = driver.RunGenerators(edited);
        var outputs = driver.GetRunResult().Results.SelectMany(static r => r.TrackedSteps)
            .Where(s => s.Key == step).SelectMany(static s => s.Value).SelectMany(static s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
    }
}
