namespace AsperaNative.Emulators.Ascp;

/// <summary>
/// What ascp does to the file systems around the transfer itself (ascp manual): <c>--delete-before-transfer</c>
/// prunes the destination folders of what the source folders do not have; <c>--remove-after-transfer</c> deletes
/// each source file once sent (skipped ones with <c>--remove-skipped</c>); <c>--move-after-transfer=archive</c>
/// moves it below the archive with the layout it has on the destination; <c>--remove-empty-directories</c>
/// then deletes the source folders left empty (the argument itself only with <c>--remove-empty-source-directory</c>).
/// </summary>
internal static class SourceActions
{
    /// <summary>Deletes destination files and folders that the matching source folder does not have; returns how many.</summary>
    public static int DeleteBeforeTransfer(AscpArguments args, IEnumerable<PlannedFolder> folders)
    {
        if (!args.DeleteBeforeTransfer) return 0;
        int deleted = 0;
        foreach (var folder in folders)
        {
            if (folder.Target.StartsWith("faux://", StringComparison.Ordinal) || !Directory.Exists(folder.Target)) continue;
            // deepest first, so that a folder is looked at once its content is settled
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder.Target, "*", SearchOption.AllDirectories).OrderByDescending(static e => e.Length).ToList())
            {
                string source = Path.Combine(folder.Source, Path.GetRelativePath(folder.Target, entry));
                bool isFolder = Directory.Exists(entry);
                // an entry of the same name on the source is kept, whatever its type or size
                if (isFolder ? Directory.Exists(source) || File.Exists(source) : File.Exists(source) || Directory.Exists(source)) continue;
                if (isFolder) Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
                deleted++;
            }
        }
        return deleted;
    }

    /// <summary>After a file is sent (or skipped): removed or moved to the archive, as the options say.</summary>
    public static void AfterFile(AscpArguments args, PlannedFile f, bool skipped)
    {
        if (f.SourcePath is null || !File.Exists(f.SourcePath)) return;
        if (skipped && !args.RemoveSkipped) return;
        if (args.MoveAfterTransfer is { } archive)
        {
            string moved = Path.Combine(archive, ArchivePath(args, f));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(moved))!);
            File.Move(f.SourcePath, moved, overwrite: true);
        }
        else if (args.RemoveAfterTransfer) File.Delete(f.SourcePath);
    }

    /// <summary>At the end of the session: source folders left empty are removed (deepest first).</summary>
    public static void RemoveEmptyFolders(AscpArguments args, IEnumerable<PlannedFolder> folders)
    {
        if (!(args.RemoveEmptyDirectories || args.RemoveEmptySourceDirectory) || !(args.RemoveAfterTransfer || args.MoveAfterTransfer is not null)) return;
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder.Source)) continue;
            foreach (var dir in Directory.EnumerateDirectories(folder.Source, "*", SearchOption.AllDirectories).OrderByDescending(static d => d.Length).ToList())
                if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
            if (args.RemoveEmptySourceDirectory && !Directory.EnumerateFileSystemEntries(folder.Source).Any()) Directory.Delete(folder.Source);
        }
    }

    /// <summary>The file's path below the archive: its path below the destination (the source name when it is renamed).</summary>
    private static string ArchivePath(AscpArguments args, PlannedFile f)
    {
        string root = args.Destination;
        if (root.EndsWith("/.", StringComparison.Ordinal)) root = root[..^2];
        string relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(f.Target));
        return relative.StartsWith("..", StringComparison.Ordinal) || relative == "." ? Path.GetFileName(f.SourcePath!) : relative;
    }
}
