using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;

namespace AsperaNative.Transfer.Direct;

/// <summary>What <c>config ascp install</c> reports: <c>Installed NAME version VERSION in FOLDER</c>.</summary>
public sealed record SdkInstallResult(string Name, string Version, string Folder);

/// <summary>
/// Installs the transfer SDK from its archive (<c>.zip</c> or <c>.tar.gz</c>, as IBM ships it) into the SDK folder:
/// the files of the runtime folders (<c>bin</c>, <c>lib</c>, <c>sbin</c>, <c>aspera</c>, <c>etc</c>) below the archive's
/// top folder land flat in the SDK folder (ascp, ascp4, async, transferd, aspera-license, aspera.conf, bypass keys).
/// The archive is extracted to a staging folder beside the SDK folder, which replaces it only once complete:
/// a failed install leaves no partial SDK. A previous install is kept, renamed with a time stamp.
/// </summary>
public sealed partial class SdkInstaller(string sdkFolder, AppLog log)
{
    /// <summary>Name recorded when the archive has no product description.</summary>
    public const string DefaultName = "IBM Aspera Transfer SDK";

    /// <summary>Product description file of Aspera products, written in the SDK folder.</summary>
    public const string MetaFile = "product-info.mf";

    private static readonly string[] RuntimeFolders = ["bin", "lib", "sbin", "aspera", "etc"];

    /// <summary>Executables of the SDK, made executable after extraction (zip keeps no mode).</summary>
    public static readonly string[] Executables = ["ascp", "ascp4", "async", "transferd", "asperatransferd"];

    /// <summary>Written when the archive has none: resume and partial file suffixes as ascli sets them.</summary>
    public const string DefaultAsperaConf = """
        <?xml version='1.0' encoding='UTF-8'?>
        <CONF version="2">
        <default>
            <file_system>
                <resume_suffix>.aspera-ckpt</resume_suffix>
                <partial_file_suffix>.partial</partial_file_suffix>
            </file_system>
        </default>
        </CONF>

        """;

    public string SdkFolder { get; } = Path.GetFullPath(sdkFolder);

    /// <summary>
    /// The local path of a <c>file:///</c> URL (null for other schemes): <c>file:///abs/path</c> is absolute,
    /// <c>file:///~/x</c> is below <paramref name="home"/>, <c>file:///./x</c> and <c>file:///../x</c> are relative.
    /// </summary>
    public static string? LocalPath(string url, string home)
    {
        const string prefix = "file://";
        if (!url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        string path = Uri.UnescapeDataString(url[prefix.Length..]);
        if (path.Length == 0) throw CliException.Runtime("URL shall have a path, check syntax");
        if (path.StartsWith("/~/", StringComparison.Ordinal)) return Path.Combine(home, path[3..]);
        if (path == "/~") return home;
        if (path.StartsWith("/./", StringComparison.Ordinal) || path.StartsWith("/../", StringComparison.Ordinal)) return Path.GetFullPath(path[1..]);
        return path;
    }

    /// <summary>Extracts <paramref name="archive"/>, completes and checks the SDK, then swaps it into place.</summary>
    public SdkInstallResult Install(string archive)
    {
        if (!File.Exists(archive)) throw CliException.Other("Errno::ENOENT", $"No such file or directory @ rb_sysopen - {archive}");
        bool zip = archive.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        if (!zip && !archive.Contains(".tar.gz", StringComparison.OrdinalIgnoreCase) && !archive.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
            throw CliException.Runtime($"unknown archive extension: {archive}");
        string parent = Path.GetDirectoryName(SdkFolder) ?? ".";
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(SdkFolder)}.install-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var extracted = new Dictionary<string, string>(StringComparer.Ordinal);
            if (zip) ExtractZip(archive, staging, extracted);
            else ExtractTarGz(archive, staging, extracted);
            var result = Complete(staging);
            Swap(staging);
            return result with { Folder = SdkFolder };
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    private void ExtractZip(string archive, string staging, Dictionary<string, string> extracted)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(archive); }
        catch (InvalidDataException) { throw CliException.Other("Zip::Error", "Zip end of central directory signature not found"); }
        using (zip)
        {
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue;
                if (Destination(entry.FullName, staging, extracted) is not { } target) continue;
                try
                {
                    using (var input = entry.Open())
                    using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
                        input.CopyTo(output);
                }
                catch (InvalidDataException e) { throw CliException.Other("Zip::DecompressionError", $"{entry.FullName}: {e.Message}"); }
                int mode = (entry.ExternalAttributes >> 16) & 0x1FF;
                if (mode != 0 && !OperatingSystem.IsWindows()) File.SetUnixFileMode(target, (UnixFileMode)mode);
            }
        }
    }

    private void ExtractTarGz(string archive, string staging, Dictionary<string, string> extracted)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        try
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.Directory) continue;
                bool link = entry.EntryType is TarEntryType.SymbolicLink;
                if (!link && entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile)) continue;
                if (Destination(entry.Name, staging, extracted) is not { } target) continue;
                if (link)
                {
                    // a link stays inside the SDK: the files are flat, so only a bare name is accepted
                    string linkTarget = entry.LinkName;
                    if (linkTarget.Length == 0 || linkTarget.Contains('/') || linkTarget is "." or "..")
                    {
                        log.Warn($"Rejecting symlink pointing outside installation directory: {entry.Name} -> {linkTarget}");
                        continue;
                    }
                    File.CreateSymbolicLink(target, linkTarget);
                    continue;
                }
                using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
                    entry.DataStream?.CopyTo(output);
                if (!OperatingSystem.IsWindows() && (entry.Mode & (UnixFileMode)0x1FF) != 0) File.SetUnixFileMode(target, entry.Mode & (UnixFileMode)0x1FF);
            }
        }
        catch (InvalidDataException) { throw CliException.Other("Zlib::GzipFile::Error", "not in gzip format"); }
        catch (FormatException e) { throw CliException.Other("Gem::Package::TarInvalidError", e.Message); }
        catch (EndOfStreamException) { throw CliException.Other("Zlib::GzipFile::Error", "footer is not found"); }
    }

    /// <summary>The flat destination of an archive entry below a runtime folder, null to skip it.</summary>
    private string? Destination(string entryName, string staging, Dictionary<string, string> extracted)
    {
        string[] parts = entryName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && parts[0] == ".") parts = parts[1..];
        if (parts.Length < 3 || !RuntimeFolders.Contains(parts[1])) return null;
        if (parts.Any(static p => p == "..")) { log.Warn($"Rejecting file with path outside installation directory: {entryName}"); return null; }
        string name = parts[^1];
        if (extracted.TryGetValue(name, out string? previous))
        {
            log.Warn($"Rejecting file with duplicate basename: {entryName} (basename: {name}, previous: {previous})");
            return null;
        }
        extracted[name] = entryName;
        return Path.Combine(staging, name);
    }

    /// <summary>Checks ascp, writes the default files that the archive lacks, reads or records the product name and version.</summary>
    private SdkInstallResult Complete(string staging)
    {
        string ascp = Path.Combine(staging, OperatingSystem.IsWindows() ? "ascp.exe" : "ascp");
        if (!File.Exists(ascp)) throw CliException.Other("Errno::ENOENT", $"No such file or directory - ascp not found ({Path.Combine(SdkFolder, Path.GetFileName(ascp))})");
        foreach (string exe in Executables)
        {
            string path = Path.Combine(staging, OperatingSystem.IsWindows() ? exe + ".exe" : exe);
            if (File.Exists(path) && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        string conf = Path.Combine(staging, "aspera.conf");
        if (!File.Exists(conf)) File.WriteAllText(conf, DefaultAsperaConf);
        if (!File.Exists(Path.Combine(staging, "aspera-license"))) log.Warn($"aspera-license not found in SDK archive: ascp needs it in {SdkFolder}");
        string meta = Path.Combine(staging, MetaFile);
        if (File.Exists(meta))
        {
            string text = File.ReadAllText(meta);
            return new(Tag(text, "name") ?? "unknown", Tag(text, "version") ?? "unknown", SdkFolder);
        }
        string? version = null;
        foreach (string daemon in new[] { "asperatransferd", "transferd" })
        {
            string path = Path.Combine(staging, daemon);
            if (File.Exists(path)) { version = DaemonVersion(path); break; }
        }
        version ??= AscpInstallation.Version(ascp);
        File.WriteAllText(meta, $"<product><name>{DefaultName}</name><version>{version}</version></product>");
        return new(DefaultName, version ?? "", SdkFolder);
    }

    private static string? Tag(string xml, string tag)
    {
        var m = Regex.Match(xml, $"<{tag}>(.*?)</{tag}>");
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The version printed by <c>transferd version</c>, null when it does not run or says none.</summary>
    private static string? DaemonVersion(string executable)
    {
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo(executable, "version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = System.Diagnostics.Process.Start(psi)!;
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000)) { process.Kill(entireProcessTree: true); return null; }
            if (process.ExitCode != 0) return null;
            var m = VersionPattern().Match(output);
            return m.Success ? m.Groups[1].Value.TrimEnd('.') : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    [GeneratedRegex(" version ([0-9.]+)")]
    private static partial Regex VersionPattern();

    /// <summary>Moves the staged SDK into place; a previous non-empty install is renamed, an empty one replaced.</summary>
    private void Swap(string staging)
    {
        if (Directory.Exists(SdkFolder))
        {
            if (Directory.EnumerateFileSystemEntries(SdkFolder).Any())
            {
                log.Warn("Previous install exists, renaming folder.");
                string backup = $"{SdkFolder}.{DateTime.Now:yyyyMMddHHmmss}";
                if (Directory.Exists(backup)) backup += $"-{Guid.NewGuid():N}"[..9];
                Directory.Move(SdkFolder, backup);
            }
            else
            {
                Directory.Delete(SdkFolder);
            }
        }
        Directory.Move(staging, SdkFolder);
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
