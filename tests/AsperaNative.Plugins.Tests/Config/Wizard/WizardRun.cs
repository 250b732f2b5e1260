using System.Text.Json.Nodes;
using AsperaNative.Core.Yaml;

namespace AsperaNative.Plugins.Tests.Config.Wizard;

/// <summary>What <c>config detect</c> and <c>config wizard</c> runs leave behind: the detected products and the config file.</summary>
internal static class WizardRun
{
    /// <summary>The products of <c>config detect … --format=json</c>.</summary>
    public static JsonArray Detected(RunOutput run)
    {
        Assert.True(run.Exit == 0, run.Err);
        return (JsonArray)JsonNode.Parse(run.Out)!;
    }

    /// <summary>The single product found, as <c>product name url version</c>.</summary>
    public static string Single(RunOutput run)
    {
        var found = Assert.Single(Detected(run));
        return $"{found!["product"]} | {found["name"]} | {found["url"]} | {found["version"]}";
    }

    /// <summary>The presets of the home's config.yaml.</summary>
    public static JsonObject Config(CliHome home) => (JsonObject)YamlReader.Parse(File.ReadAllText(home.ConfigFile))!;

    /// <summary>A preset of the config file, as JSON text.</summary>
    public static string Preset(CliHome home, string name) => Config(home)[name]?.ToJsonString() ?? "(none)";

    /// <summary>The preset the plugin uses by default.</summary>
    public static string? DefaultOf(CliHome home, string plugin) => Config(home)["default"]?[plugin]?.ToString();
}
