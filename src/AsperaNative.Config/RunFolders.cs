using AsperaNative.Core.Options;

namespace AsperaNative.Config;

/// <summary>
/// The folders of one run, as a service for plugins: the persistency folder (<c>persist_store</c> of the
/// configuration folder: token caches, once-only state) and the temporary folder (<c>--temp-folder</c>,
/// deleted at the end unless <c>--clean-temp=no</c>). Dispose at the end of the run.
/// </summary>
public sealed class RunFolders(ConfigPaths paths, string? tempFolderOption, bool cleanTemp, bool onceOnly) : IDisposable
{
    /// <summary>The folders for the options of the run (<c>temp_folder</c> is read when declared).</summary>
    public static RunFolders From(ConfigPaths paths, OptionStore options)
    {
        var global = new GlobalOptions(options);
        string? temp = options.IsDeclared("temp_folder") ? options.GetString("temp_folder") : null;
        return new RunFolders(paths, temp, global.CleanTemp != false, global.OnceOnly == true);
    }

    /// <summary>Small named values kept between runs.</summary>
    public PersistencyFolder Persistency { get; } = new(paths.PersistencyFolder);

    /// <summary>The temporary folder of this run, created on first use.</summary>
    public TempFolder Temp { get; } = new(tempFolderOption, cleanTemp);

    /// <summary>Whether <c>--once-only=yes</c> was given.</summary>
    public bool OnceOnly { get; } = onceOnly;

    /// <summary>The once-only state named by the parts (e.g. plugin, URL, user, command), active only with <c>--once-only=yes</c>.</summary>
    public OnceOnlyState OnceOnlyState(params string[] idParts) => new(Persistency, Config.OnceOnlyState.MakeId(idParts), OnceOnly);

    public void Dispose() => Temp.Dispose();
}
