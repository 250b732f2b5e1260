using System.Collections;
using System.Text.Json.Nodes;

namespace AsperaNative.Cli.Application;

/// <summary>What the command line runtime needs of the config file. TODO(#3): backed by AsperaNative.Config.</summary>
public interface IConfigPresets
{
    JsonObject? Preset(string name);
    string? DefaultPresetName(string plugin);
    JsonNode? Lookup(string dottedName);
    bool IsModified { get; }
    void Save();
}

internal static class ConfigPresets
{
    public static IConfigPresets Load(string? home, string? configFile, IDictionary environment, string userHome) => new NoPresets();

    private sealed class NoPresets : IConfigPresets
    {
        public JsonObject? Preset(string name) => name == "config" ? new JsonObject { ["version"] = VersionInfo.Version } : null;
        public string? DefaultPresetName(string plugin) => null;
        public JsonNode? Lookup(string dottedName)
        {
            var parts = dottedName.Split('.');
            JsonNode? node = Preset(parts[0]);
            foreach (var p in parts.Skip(1)) node = (node as JsonObject)?[p];
            return node?.DeepClone();
        }
        public bool IsModified => false;
        public void Save() { }
    }
}
