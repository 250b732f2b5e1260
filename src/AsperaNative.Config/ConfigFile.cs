using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Files;
using AsperaNative.Core.Yaml;

namespace AsperaNative.Config;

/// <summary>
/// The YAML file on disk: read, atomic write (temporary file then rename, mode kept, 0600 when new),
/// and an exclusive lock (<c>config.yaml.lock</c>) that serialises read-modify-write cycles of
/// concurrent processes and threads.
/// </summary>
public sealed class ConfigFile(string path)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    public string Path { get; } = path;

    public bool Exists => File.Exists(Path);

    /// <summary>The parsed file, or null when there is no file.</summary>
    public JsonNode? Read() => Exists ? YamlReader.Parse(TextFile.ReadAll(Path)) : null;

    /// <summary>Writes the presets as Ruby's <c>to_yaml</c>, replacing the file in one step.</summary>
    public void Write(JsonObject presets)
        => AtomicFile.WriteAllText(Path, YamlEmitter.Emit(presets), Exists ? null : AtomicFile.OwnerOnly);

    /// <summary>Renames an unusable file aside, as ascli does: <c>config.yaml.pre&lt;version&gt;.manual_conversion_needed</c>.</summary>
    public string RenameForManualConversion(string version)
    {
        string target = $"{Path}.pre{version}.manual_conversion_needed";
        File.Move(Path, target, overwrite: true);
        return target;
    }

    /// <summary>Takes the exclusive lock, waiting with growing pauses; dispose to release.</summary>
    public IDisposable Lock()
    {
        string lockPath = Path + ".lock";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(lockPath))!);
        var deadline = DateTime.UtcNow + LockTimeout;
        int pauseMs = 2;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(pauseMs + Random.Shared.Next(pauseMs));
                pauseMs = Math.Min(pauseMs * 2, 100);
            }
            catch (IOException e)
            {
                throw CliException.Tool($"cannot lock configuration file {Path}: {e.Message}");
            }
        }
    }
}
