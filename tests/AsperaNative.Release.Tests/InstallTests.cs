namespace AsperaNative.Release.Tests;

/// <summary>One release tarball (packaging/package.sh) of dist/ascli and dist/asession for the install tests.</summary>
public sealed class TarballFixture : IDisposable
{
    public string Work { get; } = Directory.CreateTempSubdirectory("ascli-tarball-").FullName;
    public string Tarball { get; }

    public TarballFixture()
    {
        Repo.RequireExecutables();
        var completion = Path.Combine(Work, "completion");
        Directory.CreateDirectory(completion);
        var home = Path.Combine(Work, "home");
        Directory.CreateDirectory(home);
        foreach (var (shell, file) in new[] { ("bash", "ascli.bash"), ("zsh", "_ascli"), ("fish", "ascli.fish") })
        {
            var script = Repo.Run(Repo.Ascli, [$"--completion={shell}"], new Dictionary<string, string?> { ["HOME"] = home });
            Assert.True(script.Exit == 0, script.All);
            File.WriteAllText(Path.Combine(completion, file), script.Out);
        }
        var release = Path.Combine(Work, "release");
        var package = Repo.Run("bash", Path.Combine(Repo.Packaging, "package.sh"), release, "linux-x64", "x64", "system", Repo.Ascli, Repo.Asession, completion);
        Assert.True(package.Exit == 0, package.All);
        Tarball = package.Out.Trim().Split('\n')[^1];
        Assert.True(File.Exists(Tarball), package.All);
    }

    /// <summary>A copy of the tarball in a folder of its own, with the release's SHA256SUMS beside it as ./build.sh release writes it.</summary>
    public string CopyTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, Path.GetFileName(Tarball));
        File.Copy(Tarball, copy);
        var sum = Repo.Run("sha256sum", [Path.GetFileName(copy)], cwd: folder);
        File.WriteAllText(Path.Combine(folder, "SHA256SUMS"), sum.Out);
        return copy;
    }

    public void Dispose()
    {
        try { Directory.Delete(Work, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Air-gapped install (packaging/install.sh) from a release tarball made by packaging/package.sh: into a
/// temporary prefix, with no network (a fresh network namespace) and no .NET on PATH, then the installed
/// ascli runs; damaged files are refused.
/// </summary>
public sealed class InstallTests(TarballFixture release) : IClassFixture<TarballFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ascli-install-").FullName;

    private string Tarball()
    {
        Directory.CreateDirectory(Path.Combine(_work, "home"));
        return release.CopyTo(Path.Combine(_work, "release"));
    }

    /// <summary>install.sh in a network namespace of its own (no network at all) with a minimal PATH and environment.</summary>
    private Repo.Result Offline(string command, params string[] args)
    {
        var env = new Dictionary<string, string?> { ["HOME"] = Path.Combine(_work, "home") };
        if (!Repo.IsRoot) return Repo.Run(command, args, env, cleanEnvironment: true);
        return Repo.Run("unshare", ["--net", command, .. args], env, cleanEnvironment: true);
    }

    [Fact]
    public void InstallsFromTheTarballAloneAndRuns()
    {
        var tarball = Tarball();
        var prefix = Path.Combine(_work, "prefix");
        var unpacked = Path.Combine(_work, "unpacked");
        Directory.CreateDirectory(unpacked);
        Assert.Equal(0, Repo.Run("tar", "-xzf", tarball, "-C", unpacked).Exit);
        var folder = Directory.GetDirectories(unpacked).Single();
        Assert.EndsWith("-linux-x64", folder);

        var install = Offline("sh", Path.Combine(folder, "install.sh"), "--prefix", prefix);
        Assert.True(install.Exit == 0, install.All);
        Assert.Contains("is ready", install.Out);
        var installed = Path.Combine(prefix, "bin", "ascli");
        Assert.True(File.Exists(Path.Combine(prefix, "bin", "asession")));
        Assert.True(File.Exists(Path.Combine(prefix, "share", "bash-completion", "completions", "ascli")));
        Assert.True(File.Exists(Path.Combine(prefix, "share", "zsh", "site-functions", "_ascli")));
        Assert.True(File.Exists(Path.Combine(prefix, "share", "fish", "vendor_completions.d", "ascli.fish")));
        Assert.Equal(File.ReadAllBytes(Repo.Ascli), File.ReadAllBytes(installed));

        var run = Offline(installed, "config", "echo", "installed");
        Assert.True(run.Exit == 0, run.All);
        Assert.Contains("\"installed\"", run.Out);
        var version = Offline(installed, "-v");
        Assert.Equal("4.21.1", version.Out.Trim());
    }

    [Fact]
    public void InstallsFromTheTarballFileVerifyingTheReleaseChecksum()
    {
        var tarball = Tarball();
        var prefix = Path.Combine(_work, "prefix2");
        var install = Offline("sh", Path.Combine(Repo.Packaging, "install.sh"), "--prefix=" + prefix, "--no-completion", tarball);
        Assert.True(install.Exit == 0, install.All);
        Assert.Contains("verified " + Path.GetFileName(tarball), install.Out);
        Assert.True(File.Exists(Path.Combine(prefix, "bin", "ascli")));
        Assert.False(Directory.Exists(Path.Combine(prefix, "share")));
    }

    [Fact]
    public void RefusesADamagedFileOrTarball()
    {
        var tarball = Tarball();
        var unpacked = Path.Combine(_work, "unpacked");
        Directory.CreateDirectory(unpacked);
        Assert.Equal(0, Repo.Run("tar", "-xzf", tarball, "-C", unpacked).Exit);
        var folder = Directory.GetDirectories(unpacked).Single();
        using (var f = File.OpenWrite(Path.Combine(folder, "ascli"))) { f.Seek(1000, SeekOrigin.Begin); f.WriteByte(0x42); }
        var prefix = Path.Combine(_work, "prefix3");
        var install = Offline("sh", Path.Combine(folder, "install.sh"), "--prefix", prefix);
        Assert.Equal(1, install.Exit);
        Assert.Contains("ERROR: checksum mismatch for ascli", install.Err);
        Assert.False(File.Exists(Path.Combine(prefix, "bin", "ascli")));

        // a tarball that does not match the release's SHA256SUMS
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(tarball)!, "SHA256SUMS"), new string('0', 64) + "  " + Path.GetFileName(tarball) + "\n");
        var second = Offline("sh", Path.Combine(Repo.Packaging, "install.sh"), "--prefix", prefix, tarball);
        Assert.Equal(1, second.Exit);
        Assert.Contains("checksum mismatch", second.Err);
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
