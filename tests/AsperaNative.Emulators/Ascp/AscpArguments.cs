using System.Text;

namespace AsperaNative.Emulators.Ascp;

/// <summary>The ascp command line (ascp manual), as far as the stand-in honours it.</summary>
internal sealed class AscpArguments
{
    // ascp options that take a value in the next argument
    private static readonly HashSet<string> WithValue =
    [
        "-M", "-O", "-i", "-I", "-Y", "-c", "--file-crypt", "--mode", "--exclude-newer-than", "--exclude-older-than", "-y", "-t",
        "--move-after-transfer", "--multi-session-threshold", "--overwrite", "--policy", "--host", "--user", "--proxy", "-k", "-P",
        "--symbolic-links", "--tags64", "--tags", "-l", "--source-prefix64", "--source-prefix", "--src-base64", "--src-base",
        "--preserve-acls", "--remote-preserve-acls", "--preserve-xattrs", "--remote-preserve-xattrs", "-Z", "-m", "--check-sshfp",
        "--checksum-type", "--file-checksum", "-L", "-R", "-u", "-w", "-X", "-g", "-G", "-E", "-N", "-W", "-e", "-f", "-S", "-@",
        "--file-list", "--file-pair-list", "--file-manifest", "--file-manifest-path", "--partial-file-suffix",
    ];

    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);
    public List<string> Positionals { get; } = [];

    public static AscpArguments Parse(IReadOnlyList<string> args)
    {
        var a = new AscpArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string t = args[i];
            if (t.StartsWith("-C", StringComparison.Ordinal) && t.Length > 2) { a.Options["-C"] = t[2..]; continue; }
            if (t.StartsWith("--", StringComparison.Ordinal) && t.Contains('=')) { int eq = t.IndexOf('='); a.Options[t[..eq]] = t[(eq + 1)..]; continue; }
            if (WithValue.Contains(t) && i + 1 < args.Count) { a.Options[t] = args[++i]; continue; }
            if (t.StartsWith('-') && t.Length > 1) { a.Flags.Add(t); continue; }
            a.Positionals.Add(t);
        }
        return a;
    }

    public string? this[string option] => Options.GetValueOrDefault(option);

    public bool Send => this["--mode"] != "recv";
    public bool CreateDir => Flags.Contains("-d");
    public int ResumeLevel => int.TryParse(this["-k"], out int k) ? k : 0;

    /// <summary>Session i of n (<c>-C i:n</c>), 1:1 without multi-session.</summary>
    public (int Index, int Count) Session
    {
        get
        {
            var c = this["-C"];
            if (c is null) return (1, 1);
            var parts = c.Split(':');
            return (int.Parse(parts[0]), int.Parse(parts[1]));
        }
    }

    public string Destination
    {
        get
        {
            string last = Positionals.Count > 0 ? Positionals[^1] : ".";
            return Flags.Contains("--dest64") ? Encoding.UTF8.GetString(Convert.FromBase64String(last)) : last;
        }
    }

    /// <summary>Sources and, for a pair list, their destinations.</summary>
    public List<(string Source, string? Destination)> Items()
    {
        string? Decode(string option) => this[option] is { } v ? Encoding.UTF8.GetString(Convert.FromBase64String(v)) : null;
        string prefix = Decode("--source-prefix64") ?? this["--source-prefix"] ?? "";
        var items = new List<(string, string?)>();
        if (this["--file-pair-list"] is { } pairs)
        {
            var lines = File.ReadAllText(pairs).Split('\n').Where(static l => l.Length > 0).ToList();
            for (int i = 0; i + 1 < lines.Count; i += 2) items.Add((prefix + lines[i], lines[i + 1]));
        }
        else if (this["--file-list"] is { } list)
        {
            items.AddRange(File.ReadAllText(list).Split('\n').Where(static l => l.Length > 0).Select(l => (prefix + l, (string?)null)));
        }
        else
        {
            items.AddRange(Positionals.Take(Positionals.Count - 1).Select(p => (prefix + p, (string?)null)));
        }
        return items;
    }

    /// <summary>Source files are deleted once sent (<c>--remove-after-transfer</c>); skipped ones too with <c>--remove-skipped</c>.</summary>
    public bool RemoveAfterTransfer => Flags.Contains("--remove-after-transfer");

    public bool RemoveSkipped => Flags.Contains("--remove-skipped");

    /// <summary>Archive folder where sent source files are moved, keeping the layout they have on the destination.</summary>
    public string? MoveAfterTransfer => this["--move-after-transfer"];

    /// <summary>Source folders left empty by a remove or move are deleted (not the source argument itself).</summary>
    public bool RemoveEmptyDirectories => Flags.Contains("--remove-empty-directories");

    /// <summary>As <see cref="RemoveEmptyDirectories"/>, and the source argument itself when it ends empty.</summary>
    public bool RemoveEmptySourceDirectory => Flags.Contains("--remove-empty-source-directory");

    /// <summary>Destination entries absent from the source folder are deleted before the transfer.</summary>
    public bool DeleteBeforeTransfer => Flags.Contains("--delete-before-transfer");

    /// <summary><c>--overwrite</c>: never, always, diff (ascp's default), older, diff+older.</summary>
    public string Overwrite => this["--overwrite"] ?? "diff";

    /// <summary>Files modified after this time are not sent (<c>--exclude-newer-than</c>).</summary>
    public DateTimeOffset? ExcludeNewerThan => Threshold("--exclude-newer-than");

    /// <summary>Files modified before this time are not sent (<c>--exclude-older-than</c>).</summary>
    public DateTimeOffset? ExcludeOlderThan => Threshold("--exclude-older-than");

    /// <summary>
    /// ascp's time argument: seconds since the source's epoch, a negative value counting back from now
    /// (the transfer spec's example: "-86400" is a day ago).
    /// </summary>
    private DateTimeOffset? Threshold(string option)
    {
        if (this[option] is not { } text) return null;
        if (!long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long seconds))
            throw new AscpError(2, $"Invalid {option} value: {text}");
        return seconds < 0 ? DateTimeOffset.UtcNow.AddSeconds(seconds) : DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    public string? SourceBase => this["--src-base64"] is { } v ? Encoding.UTF8.GetString(Convert.FromBase64String(v)) : this["--src-base"];
}
