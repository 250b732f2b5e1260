namespace AsperaNative.Release.Tests;

/// <summary>
/// The FROM scratch root folder (packaging/scratch-root.sh) holds what the executables need and nothing of
/// the build machine's shell or tools: ascli runs in it under chroot as the unprivileged user 65534, with the
/// /dev nodes and /proc that a container engine provides (bound in a private mount namespace, gone with it).
/// </summary>
public sealed class ScratchRootTests(TlsServerFixture tls) : IClassFixture<TlsServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ascli-scratch-").FullName;
    private string Root => Path.Combine(_work, "root");
    private TlsServer? _server = tls.Server;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private Repo.Result BuildRoot(string caBundle)
    {
        Repo.RequireExecutables();
        var result = Repo.Run("bash", Path.Combine(Repo.Packaging, "scratch-root.sh"), "--ca-bundle", caBundle, Root, Repo.Ascli, Repo.Asession);
        Assert.True(result.Exit == 0, result.All);
        return result;
    }

    /// <summary>As a user's first run: creates the configuration (and says so), so that later outputs are the command's alone.</summary>
    private void FirstRun()
    {
        var init = InRoot(null, "/usr/local/bin/ascli", "config", "echo", "init");
        Assert.True(init.Exit == 0, init.All);
        Assert.Contains("Saving config file.", init.All);
    }

    private string CaFile(string name, string pem)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, pem);
        return path;
    }

    /// <summary>Runs a command of the root as user 65534, in a mount namespace with /dev nodes and /proc.</summary>
    private Repo.Result InRoot(IDictionary<string, string?>? env, params string[] command)
    {
        Repo.RequireRoot("chroot and the bind mounts of a container's /dev and /proc");
        var script = "set -e; r=$1; shift; mkdir -p \"$r/dev\" \"$r/proc\"; " +
            "for d in null zero random urandom; do touch \"$r/dev/$d\"; mount --bind \"/dev/$d\" \"$r/dev/$d\"; done; " +
            "mount -t proc proc \"$r/proc\"; exec chroot --userspec=65534:65534 \"$r\" \"$@\"";
        var environment = new Dictionary<string, string?> { ["HOME"] = "/home/ascli" };
        if (env is not null) foreach (var (k, v) in env) environment[k] = v;
        return Repo.Run("unshare", ["--mount", "--fork", "sh", "-c", script, "sh", Root, .. command], environment, cleanEnvironment: true);
    }

    [Fact]
    public void RootHoldsTheLoaderLibrariesAndCertificates()
    {
        BuildRoot(CaFile("ca.pem", _server!.CaPem));
        // regular files only: symbolic links (OPENSSLDIR's) point into this machine outside the chroot
        var files = Directory.EnumerateFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(f => f[Root.Length..]).ToHashSet();
        Assert.Contains("/usr/local/bin/ascli", files);
        Assert.Contains("/usr/local/bin/asession", files);
        Assert.Contains("/etc/ssl/certs/ca-certificates.crt", files);
        Assert.Contains(files, static f => f.EndsWith("/libc.so.6", StringComparison.Ordinal));
        Assert.Contains(files, static f => f.EndsWith("/libpthread.so.0", StringComparison.Ordinal));
        Assert.Contains(files, static f => f.StartsWith("/lib", StringComparison.Ordinal) && f.Contains("/libssl.so.", StringComparison.Ordinal));
        // no shell, no tools: only the executables, shared objects, the loader and a few /etc files
        var others = files.Where(f => !f.StartsWith("/usr/local/bin/", StringComparison.Ordinal) && !f.Contains(".so", StringComparison.Ordinal)
            && !f.StartsWith("/etc/", StringComparison.Ordinal)).ToList();
        Assert.Empty(others);
        Assert.DoesNotContain(files, static f => f.EndsWith("/sh", StringComparison.Ordinal));
    }

    [Fact]
    public void AsclisRunsInTheRootAsAnUnprivilegedUser()
    {
        BuildRoot(CaFile("ca.pem", _server!.CaPem));
        FirstRun();
        var version = InRoot(null, "/usr/local/bin/ascli", "-v");
        Assert.True(version.Exit == 0, version.All);
        Assert.Equal("4.21.1", version.Out.Trim());

        var echo = InRoot(null, "/usr/local/bin/ascli", "config", "echo", "hello");
        Assert.True(echo.Exit == 0, echo.All);
        Assert.Equal("\"hello\"", echo.Out.Trim().Split('\n')[0]);

        var preset = InRoot(null, "/usr/local/bin/ascli", "config", "preset", "update", "scratch", "--url=https://127.0.0.1", "--username=me");
        Assert.True(preset.Exit == 0, preset.All);
        var config = Path.Combine(Root, "home", "ascli", ".aspera", "ascli", "config.yaml");
        Assert.True(File.Exists(config), preset.All);
        Assert.Contains("scratch:", File.ReadAllText(config));
        var owner = new FileInfo(config).UnixFileMode;
        Assert.True(owner.HasFlag(UnixFileMode.UserWrite));
        var stat = Repo.Run("stat", "-c", "%u", config);
        Assert.Equal("65534", stat.Out.Trim());

        var asession = InRoot(null, "/usr/local/bin/asession", "-h");
        Assert.True(asession.Exit == 0 || asession.All.Contains("asession", StringComparison.OrdinalIgnoreCase), asession.All);
    }

    [Fact]
    public void HttpsValidatesThroughTheRootsCaBundle()
    {
        BuildRoot(CaFile("ca.pem", _server!.CaPem));
        FirstRun();
        var call = InRoot(null, "/usr/local/bin/ascli", "config", "echo", $"@uri:{_server.Url}/tls.json", "--format=json");
        Assert.True(call.Exit == 0, call.All);
        Assert.Equal("{\"tls\":\"ok\"}", call.Out.Trim());
    }

    [Fact]
    public void HttpsFailsWithoutTheCaAndHonoursSslCertFile()
    {
        // the root's bundle does not hold the test CA: the call must fail, unless SSL_CERT_FILE names a file that does
        BuildRoot(CaFile("other.pem", OtherCa()));
        FirstRun();
        var refused = InRoot(null, "/usr/local/bin/ascli", "config", "echo", $"@uri:{_server!.Url}/tls.json", "--format=json");
        Assert.NotEqual(0, refused.Exit);
        Assert.StartsWith("ERROR:", refused.Err);

        File.WriteAllText(Path.Combine(Root, "etc", "ssl", "test-ca.pem"), _server.CaPem);
        var byFile = InRoot(new Dictionary<string, string?> { ["SSL_CERT_FILE"] = "/etc/ssl/test-ca.pem" },
            "/usr/local/bin/ascli", "config", "echo", $"@uri:{_server.Url}/tls.json", "--format=json");
        Assert.True(byFile.Exit == 0, byFile.All);
        Assert.Equal("{\"tls\":\"ok\"}", byFile.Out.Trim());
    }

    private static string OtherCa()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=unrelated CA", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return cert.ExportCertificatePem() + "\n";
    }
}

/// <summary>One loopback HTTPS server for the scratch root tests.</summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    internal TlsServer? Server { get; private set; }

    public async Task InitializeAsync() => Server = await TlsServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}
