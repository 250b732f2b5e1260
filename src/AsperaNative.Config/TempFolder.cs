namespace AsperaNative.Config;

/// <summary>
/// The run's temporary folder (<c>--temp-folder</c>, else the system's), a unique sub-folder created on
/// first use and deleted at the end of the run unless <c>--clean-temp=no</c>.
/// </summary>
public sealed class TempFolder(string? baseFolder, bool cleanTemp) : IDisposable
{
    private string? _folder;

    /// <summary>The folder of this run, created when first asked for.</summary>
    public string Folder
    {
        get
        {
            if (_folder is null)
            {
                string root = baseFolder ?? Path.GetTempPath();
                _folder = Path.Combine(root, "ascli_" + Environment.ProcessId + "_" + Guid.NewGuid().ToString("N")[..8]);
                Directory.CreateDirectory(_folder);
            }
            return _folder;
        }
    }

    /// <summary>A new file path inside the folder (the file is not created).</summary>
    public string NewFilePath(string prefix = "tmp") => Path.Combine(Folder, prefix + "_" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (cleanTemp && _folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        _folder = null;
    }
}
