using System.Text.Json.Nodes;
using AsperaNative.Config;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Plugins.Config.Local;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config open</c>, <c>documentation</c> and <c>initdemo</c>: local conveniences around the configuration.</summary>
[CommandGroup("config")]
internal sealed class LocalCommands(GlobalOptions global, ConfigPaths paths, PresetStore store)
{
    internal const string DocumentationUrl = "https://www.rubydoc.info/gems/aspera-cli";
    internal const string DemoPreset = "demoserver";
    private const string ServerPlugin = "server";

    private string? Ui => global.Ui;

    /// <summary>Open the configuration file in the text editor</summary>
    [Command("open")]
    public Result Open()
    {
        string path = paths.ConfigFile;
        return OpenApplication.Editor(path, Ui, Environment.GetEnvironmentVariable("EDITOR")) is { } message ? Result.Status(message) : Result.Nothing;
    }

    /// <summary>Open the online manual, at the given section if any</summary>
    [Command("documentation")]
    public Result Documentation([Argument("private key file path", Name = "section")] string? section = null)
    {
        string url = section is null ? DocumentationUrl : DocumentationUrl + "#" + section;
        return OpenApplication.Uri(url, Ui) is { } message ? Result.Status(message) : Result.Nothing;
    }

    /// <summary>Create a preset for the Aspera demo server and make it the default for plugin server</summary>
    [Command("initdemo")]
    public Result InitDemo()
    {
        if (!store.Exists(DemoPreset))
        {
            // the public demonstration server of IBM Aspera, with its published credentials
            store.Initialize(DemoPreset, new JsonObject
            {
                ["url"] = "ssh://demo.asperasoft.com:33001",
                ["username"] = "aspera",
                ["password"] = "demoaspera",
            });
        }
        if (store.All[PresetStore.DefaultsPreset] is not JsonObject defaults || !defaults.ContainsKey(ServerPlugin))
            store.Set(PresetStore.DefaultsPreset, ServerPlugin, JsonValue.Create(DemoPreset));
        return Result.Status("Done");
    }
}
