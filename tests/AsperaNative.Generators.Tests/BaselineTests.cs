namespace AsperaNative.Generators.Tests;

/// <summary>
/// Generated code compared with the files under Baselines/&lt;Scenario&gt;/ (STJ's pattern). Set
/// UPDATE_BASELINES=1 to rewrite them from the source folder (stale files are deleted).
/// </summary>
public class BaselineTests
{
    [Theory]
    [InlineData("SimpleOptions", new[] { Samples.SimpleOptions })]
    [InlineData("Plugin", new[] { Samples.SimpleOptions, Samples.Plugin })]
    public void Generated_code_matches_the_baseline(string scenario, string[] sources)
    {
        var (generated, diagnostics, output) = GeneratorRunner.Run(sources);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        string folder = Path.Combine(AppContext.BaseDirectory, "Baselines", scenario);
        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            string source = Path.Combine(SourceFolder(), "Baselines", scenario);
            if (Directory.Exists(source)) Directory.Delete(source, recursive: true);
            Directory.CreateDirectory(source);
            foreach (var (hint, text) in generated) File.WriteAllText(Path.Combine(source, hint + ".txt"), text);
            return;
        }
        var expected = Directory.GetFiles(folder, "*.txt").ToDictionary(static f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);
        Assert.Equal(expected.Keys.Order(), generated.Keys.Order());
        foreach (var (hint, text) in generated) Assert.Equal(expected[hint], text);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
