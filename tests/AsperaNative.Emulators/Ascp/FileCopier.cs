using System.Globalization;

namespace AsperaNative.Emulators.Ascp;

/// <summary>
/// One file to write: a real source file, or faux data of a given size; <c>Error</c> when the source cannot be sent.
/// <c>SourceRoot</c> is the source folder argument the file was found in (null for a file argument).
/// </summary>
internal sealed record PlannedFile(string? SourcePath, long Size, string Target, AscpError? Error = null, string? SourceRoot = null);

/// <summary>A source folder argument and the destination folder it lands in (for <c>--delete-before-transfer</c> and empty folder removal).</summary>
internal sealed record PlannedFolder(string Source, string Target);

/// <summary>
/// Where each source lands, following ascp's rules (manual "Source directory structure on destination"):
/// with <c>-d</c>, several sources or an existing destination folder, items go into the destination folder;
/// otherwise a single item is renamed to the destination. Pair lists and <c>--src-base</c> keep paths.
/// <c>faux:///name?size</c> and <c>faux:///dir?count=n&amp;size=s&amp;inc=i&amp;file=base</c> generate data;
/// a <c>faux://</c> destination discards it.
/// </summary>
internal static class FileCopier
{
    public static List<PlannedFile> Plan(AscpArguments args) => Plan(args, []);

    /// <summary>The files to send, in order; <paramref name="folders"/> gets each source folder argument and its destination.</summary>
    public static List<PlannedFile> Plan(AscpArguments args, List<PlannedFolder> folders)
    {
        var items = args.Items();
        string root = args.Destination;
        if (root.EndsWith("/.", StringComparison.Ordinal)) root = root[..^2];
        bool discard = root.StartsWith("faux://", StringComparison.Ordinal);
        string? srcBase = args.SourceBase?.TrimEnd('/');
        var plan = new List<PlannedFile>();
        foreach (var (source, pairDestination) in items)
        {
            string? target;
            if (pairDestination is not null) target = Combine(root, pairDestination);
            else if (srcBase is not null && source.StartsWith(srcBase + "/", StringComparison.Ordinal)) target = Combine(root, source[(srcBase.Length + 1)..]);
            // the source base itself: its content goes right into the destination, without its own name
            else if (srcBase is not null && source.TrimEnd('/') == srcBase) target = root;
            else if (args.CreateDir || items.Count > 1 || discard || Directory.Exists(root))
            {
                if (!args.CreateDir && !discard && !Directory.Exists(root)) throw new AscpError(4, $"{root} does not exist");
                target = Combine(root, Name(source));
            }
            else
            {
                string parent = Path.GetDirectoryName(Path.GetFullPath(root)) ?? "/";
                if (!Directory.Exists(parent)) throw new AscpError(4, $"{Path.GetDirectoryName(root)} does not exist");
                target = root;
            }
            if (Directory.Exists(source)) folders.Add(new PlannedFolder(source, target));
            Expand(source, target, plan, items.Count > 1);
        }
        // --exclude-newer-than / --exclude-older-than: files (not folders) by modification time, at scan time
        var newer = args.ExcludeNewerThan;
        var older = args.ExcludeOlderThan;
        if (newer is not null || older is not null)
            plan.RemoveAll(f => f.SourcePath is not null && f.Error is null && File.GetLastWriteTimeUtc(f.SourcePath) is var mtime
                && ((newer is { } n && mtime > n.UtcDateTime) || (older is { } o && mtime < o.UtcDateTime)));
        return plan;
    }

    private static string Name(string source)
    {
        if (source.StartsWith("faux:///", StringComparison.Ordinal))
        {
            string rest = source[8..];
            int q = rest.IndexOf('?');
            return Path.GetFileName(q < 0 ? rest : rest[..q]);
        }
        return Path.GetFileName(source.TrimEnd('/'));
    }

    private static string Combine(string root, string relative) => root.StartsWith("faux://", StringComparison.Ordinal) ? "faux://" + relative : Path.Combine(root, relative.TrimStart('/'));

    private static void Expand(string source, string target, List<PlannedFile> plan, bool several)
    {
        if (source.StartsWith("faux:///", StringComparison.Ordinal))
        {
            string rest = source[8..];
            int q = rest.IndexOf('?');
            string query = q < 0 ? "0" : rest[(q + 1)..];
            if (!query.Contains('='))
            {
                plan.Add(new PlannedFile(null, Size(query), target));
                return;
            }
            var p = query.Split('&').Select(static kv => kv.Split('=', 2)).ToDictionary(static kv => kv[0], static kv => kv.Length > 1 ? kv[1] : "");
            int count = int.Parse(p.GetValueOrDefault("count", "1"), CultureInfo.InvariantCulture);
            long size = Size(p.GetValueOrDefault("size", "0")), inc = Size(p.GetValueOrDefault("inc", "0"));
            string file = p.GetValueOrDefault("file", "file");
            for (int i = 1; i <= count; i++) plan.Add(new PlannedFile(null, size + (i - 1) * inc, Path.Combine(target, file + i)));
            return;
        }
        if (Directory.Exists(source))
        {
            foreach (var f in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                plan.Add(new PlannedFile(f, new FileInfo(f).Length, Path.Combine(target, Path.GetRelativePath(source, f)), SourceRoot: source));
            return;
        }
        // one missing source among several is a file error (FILEERROR), the others are still sent
        if (!File.Exists(source))
        {
            var missing = new AscpError(4, $"No such file or directory: {source}");
            if (!several) throw missing;
            plan.Add(new PlannedFile(source, 0, target, missing));
            return;
        }
        plan.Add(new PlannedFile(source, new FileInfo(source).Length, target));
    }

    /// <summary>Sizes with k, m, g, t, p, e suffixes in powers of two.</summary>
    public static long Size(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return 0;
        int shift = char.ToLowerInvariant(text[^1]) switch { 'k' => 10, 'm' => 20, 'g' => 30, 't' => 40, 'p' => 50, 'e' => 60, _ => 0 };
        return long.Parse(shift == 0 ? text : text[..^1], CultureInfo.InvariantCulture) << shift;
    }

    /// <summary>Writes one file from <paramref name="startByte"/> (unless the destination is faux); <paramref name="progress"/> gets the bytes written so far.</summary>
    public static void Copy(PlannedFile f, long startByte, Action<long> progress, Func<bool> cancelled)
    {
        const int Block = 1 << 20;
        if (f.Target.StartsWith("faux://", StringComparison.Ordinal))
        {
            if (f.SourcePath is not null)
            {
                using var input = File.OpenRead(f.SourcePath);
                var discard = new byte[Block];
                long read = 0;
                int n;
                while ((n = input.Read(discard)) > 0) { read += n; progress(read); if (cancelled()) return; }
            }
            else progress(f.Size);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(f.Target))!);
        if (f.SourcePath is null)
        {
            using var output = File.Create(f.Target);
            output.SetLength(f.Size);
            progress(f.Size);
            return;
        }
        using (var input = File.OpenRead(f.SourcePath))
        using (var output = new FileStream(f.Target, startByte > 0 ? FileMode.Open : FileMode.Create, FileAccess.Write))
        {
            input.Position = startByte;
            output.Position = startByte;
            output.SetLength(startByte);
            var buffer = new byte[Block];
            long written = 0;
            int n;
            while ((n = input.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
                written += n;
                progress(written);
                if (cancelled()) return;
            }
        }
        File.SetLastWriteTimeUtc(f.Target, File.GetLastWriteTimeUtc(f.SourcePath));
    }
}

/// <summary>A failure reported as an ERROR event with a FASP code.</summary>
internal sealed class AscpError(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
