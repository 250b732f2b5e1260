using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Direct;

/// <summary>An Aspera product found on this machine that carries an ascp.</summary>
public sealed record AscpProduct(string Name, string AppRoot, string AscpPath);

/// <summary>
/// Where ascp and its resources are (manual "FASP configuration"): <c>--ascp-path</c>, else the product
/// of <c>--use-product</c>, else the first product found (SDK folder first). Keys and the HTTP fallback
/// certificate live in the SDK folder (default <c>~/.aspera/sdk</c>).
/// </summary>
public sealed class AscpInstallation(string home, string? ascpPath, string? useProduct, string? sdkFolder) : IAscpResources
{
    public const string FirstFound = "FIRST";

    public string SdkFolder { get; } = sdkFolder ?? Path.Combine(home, ".aspera", "sdk");

    /// <summary>Known installation roots, as ascli lists them (name, root, ascp path below the root).</summary>
    public IReadOnlyList<AscpProduct> InstalledProducts()
    {
        var candidates = new List<(string Name, string Root, string Sub)>
        {
            ("IBM Aspera SDK", SdkFolder, "ascp"),
            ("IBM Aspera Connect", Path.Combine(home, ".aspera", "connect"), "bin/ascp"),
            ("IBM Aspera for desktop", Path.Combine(home, ".aspera", "desktop"), "bin/ascp"),
            ("IBM Aspera CLI", Path.Combine(home, ".aspera", "cli"), "bin/ascp"),
            ("IBM Aspera High-Speed Transfer Server", "/opt/aspera", "bin/ascp"),
            ("IBM Aspera High-Speed Transfer Endpoint", "/opt/aspera/endpoint", "bin/ascp"),
        };
        return [.. candidates
            .Select(c => new AscpProduct(c.Name, c.Root, Path.Combine(c.Root, c.Sub)))
            .Where(p => File.Exists(p.AscpPath))];
    }

    /// <summary>The ascp executable (or ascp4: same folder, <c>ascp</c> replaced in the file name).</summary>
    public string AscpPath(bool ascp4 = false)
    {
        string path;
        if (ascpPath is not null)
        {
            if (!File.Exists(ascpPath)) throw CliException.Assertion($"No such file: [{ascpPath}]");
            path = ascpPath;
        }
        else
        {
            var products = InstalledProducts();
            var product = useProduct is null or FirstFound ? products.FirstOrDefault() : products.FirstOrDefault(p => p.Name == useProduct);
            if (product is null)
            {
                throw useProduct is null or FirstFound
                    ? CliException.Runtime("no Aspera transfer module or SDK found.\nRefer to the manual or install SDK with command:\nascli conf ascp install")
                    : CliException.Runtime($"no such product installed: {useProduct}");
            }
            path = product.AscpPath;
        }
        if (!ascp4) return path;
        string name = Path.GetFileName(path);
        int at = name.LastIndexOf("ascp", StringComparison.Ordinal);
        return at < 0 ? path : Path.Combine(Path.GetDirectoryName(path) ?? "", name[..at] + "ascp4" + name[(at + 4)..]);
    }

    /// <summary>
    /// The SSH bypass key of <paramref name="type"/> (dsa, rsa) that ascp uses for token authentication, in the SDK
    /// folder. It is the well-known key every Aspera client carries: when the SDK folder has none, it is copied there
    /// from an installed product that ships it (transfer SDK, Connect, CLI, HSTS layouts). The path is returned in any
    /// case, as ascli does; ascp itself reports an unreadable identity file.
    /// </summary>
    public string BypassKeyPath(string type)
    {
        string path = Path.Combine(SdkFolder, $"aspera_bypass_{type}.pem");
        if (File.Exists(path)) return path;
        if (BypassKeyCandidates(type).FirstOrDefault(File.Exists) is { } found)
        {
            try
            {
                Directory.CreateDirectory(SdkFolder);
                string temporary = $"{path}.{Environment.ProcessId}.tmp";
                File.Copy(found, temporary, overwrite: true);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                // concurrent runs may copy at the same time: the same bytes, the last rename wins
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return path;
    }

    /// <summary>Where Aspera products keep the same key, relative to their installation folders.</summary>
    private IEnumerable<string> BypassKeyCandidates(string type)
    {
        var roots = new List<string>();
        if (ascpPath is not null && Path.GetDirectoryName(Path.GetFullPath(ascpPath)) is { } bin)
        {
            roots.Add(bin);
            if (Path.GetDirectoryName(bin) is { } parent) roots.Add(parent);
        }
        roots.AddRange(InstalledProducts().Select(static p => p.AppRoot));
        roots.Add("/opt/aspera");
        string[] names = type == "dsa"
            ? [$"aspera_bypass_{type}.pem", "asperaweb_id_dsa.openssh"]
            : [$"aspera_bypass_{type}.pem", "aspera_tokenauth_id_rsa"];
        foreach (var root in roots.Distinct(StringComparer.Ordinal))
            foreach (var sub in new[] { "", "etc", "etc/aspera", "var" })
                foreach (var name in names)
                    yield return Path.Combine(root, sub, name);
    }

    public string FallbackCertificatePath()
    {
        EnsureFallbackCertificate();
        return Path.Combine(SdkFolder, "aspera_fallback_cert.pem");
    }

    public string FallbackPrivateKeyPath()
    {
        EnsureFallbackCertificate();
        return Path.Combine(SdkFolder, "aspera_fallback_cert_private_key.pem");
    }

    /// <summary>ascp's HTTP fallback needs a certificate and key: a self-signed pair is made once.</summary>
    private void EnsureFallbackCertificate()
    {
        string cert = Path.Combine(SdkFolder, "aspera_fallback_cert.pem");
        string key = Path.Combine(SdkFolder, "aspera_fallback_cert_private_key.pem");
        if (File.Exists(cert) && File.Exists(key)) return;
        Directory.CreateDirectory(SdkFolder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        File.WriteAllText(key, rsa.ExportRSAPrivateKeyPem() + "\n");
        File.WriteAllText(cert, certificate.ExportCertificatePem() + "\n");
    }

    /// <summary>The version printed by <c>ascp -A</c> (<c>ascp version 4.4.5.1234</c>), null when not found.</summary>
    public static string? Version(string executable)
    {
        if (!File.Exists(executable)) return null;
        var psi = new System.Diagnostics.ProcessStartInfo(executable, "-A") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(psi)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw CliException.Runtime($"An error occurred when testing {executable}: {output}");
        var m = System.Text.RegularExpressions.Regex.Match(output, " version ([0-9.]+)");
        return m.Success ? m.Groups[1].Value.TrimEnd('.') : null;
    }

    /// <summary><c>config ascp info</c>: the resource paths (or why they are missing) and the ascp version.</summary>
    public JsonObject Info()
    {
        var data = new JsonObject();
        string? ascp = null;
        CliException? notFound = null;
        try { ascp = AscpPath(); data["ascp"] = ascp; }
        catch (CliException e) { data["ascp"] = e.Message; notFound = e; }
        data["ascp4"] = ascp is null ? null : AscpPath(ascp4: true) is var a4 && File.Exists(a4) ? a4 : $"ascp4 not found ({a4})";
        string folder = ascp is null ? SdkFolder : Path.GetDirectoryName(ascp) ?? SdkFolder;
        data["async"] = Optional(Path.Combine(folder, "async"));
        data["transferd"] = Optional(TransferdPath(folder));
        data["ssh_private_dsa"] = BypassKeyPath("dsa");
        data["ssh_private_rsa"] = BypassKeyPath("rsa");
        data["aspera_license"] = Required("aspera_license", Path.Combine(SdkFolder, "aspera-license"));
        data["aspera_conf"] = Required("aspera_conf", Path.Combine(SdkFolder, "aspera.conf"));
        data["fallback_certificate"] = Path.Combine(SdkFolder, "aspera_fallback_cert.pem");
        data["fallback_private_key"] = Path.Combine(SdkFolder, "aspera_fallback_cert_private_key.pem");
        data["sdk_folder"] = SdkFolder;
        // as ascli: the file list tolerates a missing ascp, the version query that follows does not
        if (notFound is not null) throw notFound;
        if (ascp is not null)
        {
            try { data["ascp_version"] = Version(ascp); }
            catch (Exception e) when (e is CliException or System.ComponentModel.Win32Exception) { data["ascp_version"] = e.Message; }
        }
        return data;
    }

    /// <summary>The transfer SDK daemon (<c>asperatransferd</c>, older SDKs: <c>transferd</c>) of the SDK folder (or of <paramref name="folder"/>).</summary>
    public string TransferdPath(string? folder = null)
    {
        folder ??= SdkFolder;
        string current = Path.Combine(folder, "asperatransferd");
        string legacy = Path.Combine(folder, "transferd");
        return !File.Exists(current) && File.Exists(legacy) ? legacy : current;
    }

    /// <summary>An optional SDK file: its path when present, else null (ascli leaves it out of the files found).</summary>
    private static string? Optional(string path) => File.Exists(path) ? path : null;

    /// <summary>A required SDK file: its path, or ascli's <c>name not found (path)</c>.</summary>
    private static string Required(string name, string path) => File.Exists(path) ? path : $"{name} not found ({path})";
}
