using AsperaNative.Core.Yaml;

namespace AsperaNative.Config.Tests;

/// <summary>config.yaml files written by Ruby ascli 4.21 (from the recorded compat cases) read and re-emit byte for byte.</summary>
public class RubyRoundTripTests
{
    public static TheoryData<string> RubyFiles()
    {
        var data = new TheoryData<string>();
        foreach (var doc in File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ruby-config-files.txt")).Split("\n#=====\n"))
            data.Add(doc);
        return data;
    }

    [Theory]
    [MemberData(nameof(RubyFiles))]
    public void ReemitsIdentically(string yaml) => Assert.Equal(yaml, YamlEmitter.Emit(YamlReader.Parse(yaml)));
}
