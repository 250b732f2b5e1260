using System.Security.Cryptography;

namespace AsperaNative.Emulators.Ascp;

/// <summary>
/// What ascp decides for a file whose destination exists, before sending it (ascp manual, <c>-k</c> and
/// <c>--overwrite</c>): skip it, resume a partial destination at an offset, or send it all.
/// Resume levels: 0 always sends the whole file; 1 compares sizes (attributes); 2 sizes and a sparse
/// checksum (sampled blocks); 3 sizes and a checksum of the whole content. A partial destination (smaller)
/// resumes where it ends when its bytes match the source's first bytes at the same level.
/// </summary>
internal static class Resume
{
    private const int SampleBlock = 64 << 10;
    private const int Samples = 16;

    public static (bool Skip, long StartByte) Decide(PlannedFile f, AscpArguments args)
    {
        if (f.Target.StartsWith("faux://", StringComparison.Ordinal) || !File.Exists(f.Target)) return (false, 0);
        long existing = new FileInfo(f.Target).Length;
        int level = args.ResumeLevel;
        bool complete = existing == f.Size && Same(f, level, f.Size);
        bool resumable = level > 0 && existing < f.Size && f.SourcePath is not null && Same(f, level, existing);
        long start = resumable ? existing : 0;
        bool destinationOlder = f.SourcePath is not null && File.GetLastWriteTimeUtc(f.Target) < File.GetLastWriteTimeUtc(f.SourcePath);
        return args.Overwrite switch
        {
            // a partial file still resumes, a complete one is left as it is
            "never" => resumable ? (false, start) : (true, 0),
            "always" => (false, start),
            "older" => destinationOlder ? (false, start) : (true, 0),
            "diff+older" => complete || !destinationOlder ? (true, 0) : (false, start),
            // diff: a destination identical at the resume level is not sent again (level 0 compares nothing)
            _ => level > 0 && complete ? (true, 0) : (false, start),
        };
    }

    /// <summary>Whether the first <paramref name="length"/> bytes of source and destination match at the level (1: sizes only).</summary>
    private static bool Same(PlannedFile f, int level, long length)
    {
        if (level <= 1) return true;
        if (f.SourcePath is null) return false;
        return level == 2
            ? Sparse(f.SourcePath, length).AsSpan().SequenceEqual(Sparse(f.Target, length))
            : Full(f.SourcePath, length).AsSpan().SequenceEqual(Full(f.Target, length));
    }

    /// <summary>A checksum of a few blocks spread over the first <paramref name="length"/> bytes (all of them for a small file).</summary>
    public static byte[] Sparse(string path, long length)
    {
        using var input = File.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var block = new byte[SampleBlock];
        if (length <= (long)SampleBlock * Samples) return Full(input, hash, length);
        long step = (length - SampleBlock) / (Samples - 1);
        for (int i = 0; i < Samples; i++)
        {
            input.Position = i * step;
            input.ReadExactly(block);
            hash.AppendData(block);
        }
        return hash.GetHashAndReset();
    }

    /// <summary>A checksum of the first <paramref name="length"/> bytes.</summary>
    public static byte[] Full(string path, long length)
    {
        using var input = File.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        return Full(input, hash, length);
    }

    private static byte[] Full(Stream input, IncrementalHash hash, long length)
    {
        var buffer = new byte[1 << 20];
        long left = length;
        while (left > 0)
        {
            int n = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (n == 0) break;
            hash.AppendData(buffer, 0, n);
            left -= n;
        }
        return hash.GetHashAndReset();
    }
}
