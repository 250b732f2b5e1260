using System.Security.Cryptography;
using System.Text;

namespace AsperaNative.Ssh;

/// <summary>The verdict on a server's host key.</summary>
public enum HostKeyVerdict
{
    /// <summary>A known_hosts entry for this host has this very key.</summary>
    Known,
    /// <summary>No entry of this key type for this host.</summary>
    Unknown,
    /// <summary>An entry of the same key type has another key.</summary>
    Mismatch,
}

/// <summary>
/// OpenSSH <c>known_hosts</c> files: plain (<c>host,[host]:port type key</c>) and hashed
/// (<c>|1|salt|hmac</c>) host patterns, as Net::SSH reads them; new hosts are appended in plain form.
/// </summary>
public sealed class KnownHosts(IReadOnlyList<string> files)
{
    /// <summary>The name of a host in known_hosts: <c>host</c> on port 22, <c>[host]:port</c> otherwise.</summary>
    public static string HostName(string host, int port) => port == SshSettings.DefaultPort ? host : $"[{host}]:{port}";

    public HostKeyVerdict Verify(string host, int port, string keyType, byte[] key)
    {
        string name = HostName(host, port);
        string encoded = Convert.ToBase64String(key);
        bool mismatch = false;
        foreach (var (patterns, type, value) in Entries())
        {
            if (type != keyType || !Matches(patterns, name)) continue;
            if (value == encoded) return HostKeyVerdict.Known;
            mismatch = true;
        }
        return mismatch ? HostKeyVerdict.Mismatch : HostKeyVerdict.Unknown;
    }

    /// <summary>Records a newly accepted host key in the first file (created with its folder if needed).</summary>
    public void Add(string host, int port, string keyType, byte[] key)
    {
        if (files.Count == 0) return;
        try
        {
            string file = files[0];
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            bool newline = File.Exists(file) && new FileInfo(file).Length > 0 && !File.ReadAllText(file).EndsWith('\n');
            File.AppendAllText(file, $"{(newline ? "\n" : "")}{HostName(host, port)} {keyType} {Convert.ToBase64String(key)}\n");
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// The type a key blob names (its first string, e.g. <c>ssh-rsa</c>): known_hosts lists keys by it, while the
    /// negotiated algorithm may be another (<c>rsa-sha2-512</c> signs with an <c>ssh-rsa</c> key). Null when malformed.
    /// </summary>
    public static string? KeyType(byte[] blob)
    {
        if (blob.Length < 4) return null;
        int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(blob);
        return length is > 0 and <= 64 && 4 + length <= blob.Length ? Encoding.ASCII.GetString(blob, 4, length) : null;
    }

    /// <summary>The SHA256 fingerprint as OpenSSH and Net::SSH show it.</summary>
    public static string Fingerprint(byte[] key) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(key)).TrimEnd('=');

    private IEnumerable<(string Patterns, string Type, string Key)> Entries()
    {
        foreach (string file in files)
        {
            if (!File.Exists(file)) continue;
            foreach (string raw in File.ReadLines(file))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                // "@cert-authority" and "@revoked" markers are not host keys
                if (parts[0].StartsWith('@') || parts.Length < 3) continue;
                yield return (parts[0], parts[1], parts[2]);
            }
        }
    }

    private static bool Matches(string patterns, string name)
    {
        if (patterns.StartsWith("|1|", StringComparison.Ordinal)) return HashedMatches(patterns, name);
        bool matched = false;
        foreach (string pattern in patterns.Split(','))
        {
            bool negated = pattern.StartsWith('!');
            if (!Wildcard(negated ? pattern[1..] : pattern, name)) continue;
            if (negated) return false;
            matched = true;
        }
        return matched;
    }

    private static bool HashedMatches(string entry, string name)
    {
        var parts = entry.Split('|');
        if (parts.Length != 4) return false;
        try
        {
            byte[] salt = Convert.FromBase64String(parts[2]);
            byte[] hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name));
            return Convert.ToBase64String(hash) == parts[3];
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool Wildcard(string pattern, string text)
    {
        if (!pattern.Contains('*') && !pattern.Contains('?')) return string.Equals(pattern, text, StringComparison.OrdinalIgnoreCase);
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t]))) { p++; t++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
            else if (star >= 0) { p = star + 1; t = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
