namespace AsperaNative.Config;

/// <summary>
/// Where ascli keeps its files: the main folder (<c>--home</c>, else <c>ASCLI_HOME</c>, else
/// <c>~/.aspera/ascli</c>), the config file in it (or <c>--config-file</c>), and the persistency folder.
/// </summary>
public sealed record ConfigPaths(string MainFolder, string ConfigFile)
{
    public const string DefaultConfigFileName = "config.yaml";
    public const string PersistencyFolderName = "persist_store";

    /// <summary>The folder of token caches and once-only state.</summary>
    public string PersistencyFolder => Path.Combine(MainFolder, PersistencyFolderName);

    /// <summary>Resolves the paths from the options (null when not given) and the environment.</summary>
    public static ConfigPaths Resolve(string? homeOption, string? configFileOption, string userHome, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string main = homeOption ?? environment("ASCLI_HOME") ?? Path.Combine(userHome, ".aspera", "ascli");
        return new ConfigPaths(main, configFileOption ?? Path.Combine(main, DefaultConfigFileName));
    }
}
