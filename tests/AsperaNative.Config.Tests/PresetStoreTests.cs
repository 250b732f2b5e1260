using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;

namespace AsperaNative.Config.Tests;

public sealed class PresetStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("presets").FullName;
    private string ConfigPath => Path.Combine(_folder, "config.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void NewFileIsSavedWithTheCurrentVersion()
    {
        var store = PresetStore.Open(ConfigPath);
        Assert.True(store.HasChanges);
        Assert.True(store.Save());
        Assert.Equal("---\nconfig:\n  version: 4.21.1\n", File.ReadAllText(ConfigPath));
        Assert.False(PresetStore.Open(ConfigPath).HasChanges);
    }

    [Fact]
    public void UpdateStoresStringsWithUnderscoresInOrder()
    {
        var store = PresetStore.Open(ConfigPath);
        store.Update("demo", [new("url", "ssh://x.example.com:33001"), new("username", "u1"), new("password", "secret1"),
            new("ts", JsonNode.Parse("{\"precalculate_job_size\":true}"))]);
        store.Save();
        store = PresetStore.Open(ConfigPath);
        store.Update("demo", [new("username", "u2"), new("new-opt", "n")]);
        store.Save();
        Assert.Equal("---\nconfig:\n  version: 4.21.1\ndemo:\n  url: ssh://x.example.com:33001\n  username: u2\n  password: secret1\n  ts:\n    precalculate_job_size: true\n  new_opt: \"n\"\n",
            File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void SettingTheSameValueAgainDoesNotSave()
    {
        var store = PresetStore.Open(ConfigPath);
        Assert.True(store.Set("demo", "port", "33001"));
        store.Save();
        store = PresetStore.Open(ConfigPath);
        Assert.False(store.Set("demo", "port", "33001"));
        Assert.False(store.HasChanges);
        Assert.True(store.Set("demo", "port", 33001));  // an Integer is not the String '33001'
        store.Save();
        Assert.Contains("  port: 33001\n", File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void NullValueIsWrittenAsNothing()
    {
        var store = PresetStore.Open(ConfigPath);
        store.Set("demo", "nothing", null);
        store.Save();
        Assert.Equal("---\nconfig:\n  version: 4.21.1\ndemo:\n  nothing:\n", File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void OldVersionIsUpgradedAndSaved()
    {
        File.WriteAllText(ConfigPath, "---\nconfig:\n  version: 1.0.0\np:\n  format: json\n");
        var store = PresetStore.Open(ConfigPath);
        Assert.True(store.Save());
        Assert.Equal("---\nconfig:\n  version: 4.21.1\np:\n  format: json\n", File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void FileWithoutConfigKeyIsRenamed()
    {
        File.WriteAllText(ConfigPath, "---\nfoo:\n  a: 1\n");
        Assert.Throws<CliException>(() => PresetStore.Open(ConfigPath));
        Assert.False(File.Exists(ConfigPath));
        Assert.True(File.Exists(ConfigPath + ".pre4.21.1.manual_conversion_needed"));
    }

    [Fact]
    public void GlobalAliasCreatesTheGlobalDefault()
    {
        var store = PresetStore.Open(ConfigPath);
        var status = new List<string>();
        string name = store.GlobalDefault(status.Add);
        store.Set(name, "version_check_days", "0");
        store.Save();
        Assert.Equal(["Updated: default: config <- global_common_defaults"], status);
        Assert.Equal("global_common_defaults", store.GlobalDefault(status.Add));
        Assert.Single(status);
        Assert.Equal("---\nconfig:\n  version: 4.21.1\ndefault:\n  config: global_common_defaults\nglobal_common_defaults:\n  version_check_days: '0'\n",
            File.ReadAllText(ConfigPath));
        Assert.Equal("global_common_defaults", store.PluginDefault("config"));
    }

    [Fact]
    public void ErrorsUseAsclisWords()
    {
        var store = PresetStore.Open(ConfigPath);
        store.Initialize("demo", new JsonObject { ["url"] = "u" });
        Assert.Equal("no such preset: nope", Assert.Throws<CliException>(() => store.Get("nope")).Message);
        Assert.Equal("no such option in preset demo : x", Assert.Throws<CliException>(() => store.GetParameter("demo", "x")).Message);
    }

    [Fact]
    public void DeleteUnsetAndInitialize()
    {
        var store = PresetStore.Open(ConfigPath);
        store.Initialize("demo2", JsonNode.Parse("{\"p1\":\"v1\",\"p2\":\"v2\"}")!);
        store.Save();
        store = PresetStore.Open(ConfigPath);
        store.Initialize("demo2", JsonNode.Parse("{\"p1\":\"v3\"}")!);
        Assert.False(store.Unset("demo2", "p2"));
        store.Save();
        Assert.Equal("---\nconfig:\n  version: 4.21.1\ndemo2:\n  p1: v3\n", File.ReadAllText(ConfigPath));
        Assert.True(store.Delete("demo2"));
        store.Save();
        Assert.Equal("---\nconfig:\n  version: 4.21.1\n", File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void PresetLookupDigsAndEvaluates()
    {
        Environment.SetEnvironmentVariable("PRESET_STORE_TEST_V", "evaluated");
        var store = PresetStore.Open(ConfigPath);
        store.Initialize("p", JsonNode.Parse("{\"url\":\"https://x\",\"ts\":{\"a\":1,\"b\":[1,2]},\"k\":\"@env:PRESET_STORE_TEST_V\"}")!);
        var context = new ExtendedValueContext(Core.Terminal.Terminal.Test(), _folder);
        context.PresetLookup = path => store.Lookup(path, context);
        Assert.Equal("[1,2]", ExtendedValue.Evaluate("@preset:p.ts.b", context)!.ToJsonString());
        Assert.Equal("\"4.21.1\"", ExtendedValue.Evaluate("@preset:config.version", context)!.ToJsonString());
        Assert.Equal("\"evaluated\"", ExtendedValue.Evaluate("@preset:p.k", context)!.ToJsonString());
        Assert.Throws<CliException>(() => ExtendedValue.Evaluate("@preset:p.nope", context));
    }

    [Fact]
    public void ReferencedPresetsAreOptionsNotExpanded()
    {
        // ascli's preset_by_name: the "preset" key is applied later as an option, by the next parse
        File.WriteAllText(ConfigPath, "---\nconfig:\n  version: 4.21.1\np:\n  preset: q\n  a: 1\nq:\n  b: 2\n");
        var store = PresetStore.Open(ConfigPath);
        Assert.Equal("{\"preset\":\"q\",\"a\":1}", store.Resolve("p").ToJsonString());
        Assert.Equal("No such config preset: [\"nope\"]", Assert.Throws<CliException>(() => store.Resolve("nope")).Message);
    }

    [Fact]
    public void FiftyParallelWritersAllSurvive()
    {
        PresetStore.Open(ConfigPath).Save();
        Parallel.For(0, 50, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var store = PresetStore.Open(ConfigPath);
            store.Set("cron", $"key_{i}", $"value_{i}");
            store.Save();
        });
        var final = PresetStore.Open(ConfigPath);
        var cron = (JsonObject)final.Get("cron");
        Assert.Equal(50, cron.Count);
        for (int i = 0; i < 50; i++) Assert.Equal($"value_{i}", cron[$"key_{i}"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }
}
