using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AsperaNative.Plugins.Tests.Config;

/// <summary><c>config ascp install --sdk-url=file:///…</c> from archives built here, then <c>config ascp show|info</c>.</summary>
public sealed class AscpInstallTests : IDisposable
{
    private const string Top = "ibm-aspera-transfer-sdk-linux-x86_64-4.4.5";

    /// <summary>A stand-in ascp: answers <c>-A</c> as ascp does.</summary>
    private const string AscpScript = "#!/bin/sh\nif [ \"$1\" = \"-A\" ]; then echo 'ascp version 4.4.5.1234'; echo 'Copyright IBM'; exit 0; fi\nexit 1\n";

    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    private static readonly (string Name, string Content)[] SdkFiles =
    [
        ($"{Top}/bin/ascp", AscpScript),
        ($"{Top}/bin/ascp4", AscpScript),
        ($"{Top}/bin/async", "#!/bin/sh\nexit 0\n"),
        ($"{Top}/etc/aspera-license", "license"),
        ($"{Top}/aspera/aspera_bypass_rsa.pem", "-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n"),
        ($"{Top}/aspera/aspera_bypass_dsa.pem", "-----BEGIN DSA PRIVATE KEY-----\n-----END DSA PRIVATE KEY-----\n"),
        ($"{Top}/lib/libstub.so", "elf"),
        ($"{Top}/README.txt", "not extracted"),
    ];

    private string TarGz(string name, IEnumerable<(string Name, string Content)> files)
    {
        string path = _home.PathOf(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (entryName, content) in files)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, entryName)
            {
                Mode = entryName.Contains("/bin/") ? (UnixFileMode)0x1ED : (UnixFileMode)0x1A4,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            };
            tar.WriteEntry(entry);
        }
        return path;
    }

    private string Zip(string name, IEnumerable<(string Name, string Content)> files)
    {
        string path = _home.PathOf(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entryName, content) in files)
        {
            // no unix mode in the entries, as zips made on Windows: the installer makes the executables executable
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(content);
        }
        return path;
    }

    private string DefaultSdk => Path.Combine(_home.Home, ".aspera", "sdk");

    [Fact]
    public void TarGzInstallsIntoTheDefaultSdkFolderWhereShowAndInfoFindAscp()
    {
        string archive = TarGz("sdk.tar.gz", SdkFiles);
        var run = _home.Run("config", "ascp", "install", "--sdk-url=file://" + archive);
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal($"Installed IBM Aspera Transfer SDK version 4.4.5.1234 in {DefaultSdk}\n", run.Out);
        foreach (string name in new[] { "ascp", "ascp4", "async", "aspera-license", "aspera.conf", "aspera_bypass_rsa.pem", "aspera_bypass_dsa.pem", "libstub.so", "product-info.mf" })
            Assert.True(File.Exists(Path.Combine(DefaultSdk, name)), name);
        Assert.False(File.Exists(Path.Combine(DefaultSdk, "README.txt")));
        Assert.Contains("<resume_suffix>.aspera-ckpt</resume_suffix>", File.ReadAllText(Path.Combine(DefaultSdk, "aspera.conf")));

        Assert.Equal(Path.Combine(DefaultSdk, "ascp") + "\n", _home.Run("config", "ascp", "show").Out);
        var info = _home.Run("config", "ascp", "info", "--format=json");
        Assert.True(info.Exit == 0, info.Err);
        var data = System.Text.Json.Nodes.JsonNode.Parse(info.Out)!;
        Assert.Equal("4.4.5.1234", (string?)data["ascp_version"]);
        Assert.Equal(Path.Combine(DefaultSdk, "ascp4"), (string?)data["ascp4"]);
        Assert.Equal(Path.Combine(DefaultSdk, "aspera-license"), (string?)data["aspera_license"]);
        Assert.Equal(Path.Combine(DefaultSdk, "aspera.conf"), (string?)data["aspera_conf"]);
        Assert.Equal(DefaultSdk, (string?)data["sdk_folder"]);
    }

    [Fact]
    public void ZipInstallsIntoSdkFolderMakesExecutablesAndKeepsThePreviousInstall()
    {
        string folder = _home.PathOf("my sdk");
        string archive = Zip("sdk.zip", SdkFiles);
        var first = _home.Run("config", "ascp", "install", "--sdk-url=file://" + archive, "--sdk-folder=" + folder);
        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal($"Installed IBM Aspera Transfer SDK version 4.4.5.1234 in {folder}\n", first.Out);
        if (!OperatingSystem.IsWindows()) Assert.True(File.GetUnixFileMode(Path.Combine(folder, "ascp")).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal(Path.Combine(folder, "ascp") + "\n", _home.Run("config", "ascp", "show", "--sdk-folder=" + folder).Out);

        var second = _home.Run("config", "ascp", "install", "--sdk-url=file://" + archive, "--sdk-folder=" + folder);
        Assert.True(second.Exit == 0, second.Err);
        Assert.Contains("WARN -- : Previous install exists, renaming folder.", second.Err);
        Assert.Single(Directory.GetDirectories(_home.Home), static d => Path.GetFileName(d).StartsWith("my sdk.", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "ascp")));
    }

    [Fact]
    public void RelativeFileUrlIsBelowTheHome()
    {
        TarGz("rel.tar.gz", SdkFiles);
        var run = _home.Run("config", "ascp", "install", "--sdk-url=file:///~/rel.tar.gz");
        Assert.True(run.Exit == 0, run.Err);
        Assert.True(File.Exists(Path.Combine(DefaultSdk, "ascp")));
    }

    [Fact]
    public void CorruptArchivesFailAndLeaveNoSdkFolder()
    {
        File.WriteAllText(_home.PathOf("bad.tar.gz"), "this is not gzip");
        var tar = _home.Run("config", "ascp", "install", "--sdk-url=file://" + _home.PathOf("bad.tar.gz"));
        Assert.Equal(1, tar.Exit);
        Assert.Equal("ERROR: Other(Zlib::GzipFile::Error): not in gzip format", tar.Error);

        File.WriteAllText(_home.PathOf("bad.zip"), "this is not a zip");
        var zip = _home.Run("config", "ascp", "install", "--sdk-url=file://" + _home.PathOf("bad.zip"));
        Assert.Equal(1, zip.Exit);
        Assert.Equal("ERROR: Other(Zip::Error): Zip end of central directory signature not found", zip.Error);

        // truncated in the middle of the data: some files were written before the failure
        byte[] whole = File.ReadAllBytes(TarGz("whole.tar.gz", SdkFiles.Append(($"{Top}/lib/big.so", new string('x', 200_000)))));
        File.WriteAllBytes(_home.PathOf("cut.tar.gz"), whole[..(whole.Length / 2)]);
        var cut = _home.Run("config", "ascp", "install", "--sdk-url=file://" + _home.PathOf("cut.tar.gz"));
        Assert.Equal(1, cut.Exit);
        Assert.StartsWith("ERROR: Other(", cut.Error);

        Assert.False(Directory.Exists(DefaultSdk));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Path.Combine(_home.Home, ".aspera")), static d => Path.GetFileName(d).StartsWith(".sdk.install-", StringComparison.Ordinal));
    }

    [Fact]
    public void ArchiveWithoutAscpFailsAndKeepsThePreviousInstall()
    {
        Assert.Equal(0, _home.Run("config", "ascp", "install", "--sdk-url=file://" + TarGz("good.tar.gz", SdkFiles)).Exit);
        var run = _home.Run("config", "ascp", "install", "--sdk-url=file://" + TarGz("noascp.tar.gz", SdkFiles.Where(static f => !f.Name.EndsWith("/ascp", StringComparison.Ordinal))));
        Assert.Equal(1, run.Exit);
        Assert.Equal($"ERROR: Other(Errno::ENOENT): No such file or directory - ascp not found ({Path.Combine(DefaultSdk, "ascp")})", run.Error);
        Assert.True(File.Exists(Path.Combine(DefaultSdk, "ascp")));
        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(_home.Home, ".aspera")), static d => Path.GetFileName(d).StartsWith("sdk.", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingArchiveAndUnknownExtensionAreAsciliErrors()
    {
        string missing = _home.PathOf("nothere.tar.gz");
        Assert.Equal($"ERROR: Other(Errno::ENOENT): No such file or directory @ rb_sysopen - {missing}",
            _home.Run("config", "ascp", "install", "--sdk-url=file://" + missing).Error);
        File.WriteAllText(_home.PathOf("sdk.rar"), "x");
        Assert.Equal($"ERROR: Other(RuntimeError): unknown archive extension: {_home.PathOf("sdk.rar")}",
            _home.Run("config", "ascp", "install", "--sdk-url=file://" + _home.PathOf("sdk.rar")).Error);
        Assert.False(Directory.Exists(DefaultSdk));
    }

    [Fact]
    public void HttpsUrlWithoutServerIsAConnectionError()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var run = _home.Run("config", "ascp", "install", $"--sdk-url=https://127.0.0.1:{port}/sdk.zip");
        Assert.Equal(1, run.Exit);
        Assert.Equal($"ERROR: Other(Errno::ECONNREFUSED): Failed to open TCP connection to 127.0.0.1:{port} (Connection refused - connect(2) for 127.0.0.1:{port})", run.Error);
        Assert.False(Directory.Exists(DefaultSdk));
    }
}
