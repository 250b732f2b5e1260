using System.Text.RegularExpressions;

namespace AsperaNative.Release.Tests;

/// <summary>
/// The glibc 2.17 floor of the published executables (packaging/native): no symbol version above 2.17, every
/// symbol bound the way glibc 2.17's loader binds it (packaging/check-glibc-abi.py), and a start shim that runs
/// the constructors exactly once.
/// </summary>
public sealed partial class GlibcFloorTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ascli-glibc-").FullName;

    [Theory]
    [InlineData("ascli")]
    [InlineData("asession")]
    public void NoGlibcVersionAbove217(string name)
    {
        Repo.RequireExecutables();
        var versions = Repo.Run("readelf", "-W", "-V", Path.Combine(Repo.Root, "dist", name));
        Assert.Equal(0, versions.Exit);
        var glibc = GlibcVersion().Matches(versions.Out).Select(static m => Version.Parse(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(glibc);
        Assert.True(glibc.Max() <= new Version(2, 17), $"{name} needs GLIBC_{glibc.Max()}");
    }

    [Theory]
    [InlineData("ascli")]
    [InlineData("asession")]
    public void AbiCheckPasses(string name)
    {
        Repo.RequireExecutables();
        var check = Repo.Run("python3", Path.Combine(Repo.Packaging, "check-glibc-abi.py"), Path.Combine(Repo.Root, "dist", name));
        Assert.True(check.Exit == 0, check.All);
        Assert.Contains("glibc 2.17 ABI check", check.Out);
        // the pre-2.34 split libraries come before libc.so.6, where 2.17's loader would stop looking
        var needed = check.Out[(check.Out.IndexOf("needs ", StringComparison.Ordinal) + 6)..].Split(' ', StringSplitOptions.TrimEntries);
        Assert.True(Array.IndexOf(needed, "libpthread.so.0") < Array.IndexOf(needed, "libc.so.6"), check.Out);
    }

    [Fact]
    public void AbiCheckRejectsAPlainLink()
    {
        // what the executables would be without the floor: pthread_create and dlopen at GLIBC_2.34
        var source = Write("plain.c", "#include <pthread.h>\n#include <dlfcn.h>\nstatic void *f(void *a) { return a; }\n" +
            "int main(void) { pthread_t t; pthread_create(&t, 0, f, 0); pthread_join(t, 0); return dlopen(\"x\", 0) != 0; }\n");
        var exe = Path.Combine(_work, "plain");
        var link = Repo.Run(Repo.Clang(), source, "-o", exe, "-pthread", "-ldl");
        Assert.True(link.Exit == 0, link.All);
        var check = Repo.Run("python3", Path.Combine(Repo.Packaging, "check-glibc-abi.py"), exe);
        Assert.Equal(1, check.Exit);
        Assert.Contains("pthread_create@GLIBC_2.34", check.Out);
        Assert.Contains("glibc 2.17 does not have it", check.Out);
    }

    [Fact]
    public void AbiCheckRejectsLibpthreadAfterLibc()
    {
        // right versions, wrong order: on 2.17 pthread_create@GLIBC_2.2.5 lives in libpthread.so.0
        var source = Write("late.c", "#include <pthread.h>\nstatic void *f(void *a) { return a; }\n" +
            "int main(void) { pthread_t t; pthread_create(&t, 0, f, 0); return pthread_join(t, 0); }\n");
        var forwarders = Forwarders();
        var exe = Path.Combine(_work, "late");
        var link = Repo.Run(Repo.Clang(), source, forwarders, "-o", exe, "-Wl,--wrap=pthread_create", "-Wl,--wrap=pthread_join", "-lc",
            "-Wl,--no-as-needed", "-l:libpthread.so.0");
        Assert.True(link.Exit == 0, link.All);
        var check = Repo.Run("python3", Path.Combine(Repo.Packaging, "check-glibc-abi.py"), exe);
        Assert.Equal(1, check.Exit);
        Assert.Contains("must come before libc.so.6", check.Out);
    }

    [Fact]
    public void StartShimRunsConstructorsOnce()
    {
        var source = Write("ctor.c", "#include <stdio.h>\nstatic int runs;\n__attribute__((constructor)) static void c(void) { runs++; }\n" +
            "int main(int argc, char **argv) { printf(\"%d %s\\n\", runs, argv[1]); return 0; }\n");
        var shim = Path.Combine(_work, "start.o");
        var compile = Repo.Run(Repo.Clang(), "-c", "-O2", "-fPIC", Path.Combine(Repo.Packaging, "native", "glibc-start.c"), "-o", shim);
        Assert.True(compile.Exit == 0, compile.All);
        foreach (var pie in new[] { "-no-pie", "-pie" })
        {
            var exe = Path.Combine(_work, "ctor" + pie);
            var link = Repo.Run(Repo.Clang(), pie, "-fPIE", source, shim, "-o", exe, "-Wl,--wrap=__libc_start_main");
            Assert.True(link.Exit == 0, link.All);
            var symbols = Repo.Run("readelf", "-W", "--dyn-syms", exe);
            Assert.Matches(@"__libc_start_main@GLIBC_2\.(2\.5|17)\b", symbols.Out);
            var run = Repo.Run(exe, "arg");
            Assert.Equal("1 arg\n", run.Out);
        }
    }

    private string Forwarders()
    {
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "aarch64" : "x86_64";
        var list = Write("wrap.txt", "pthread_create\npthread_join\n");
        var asm = Path.Combine(_work, "forwarders.S");
        var gen = Repo.Run("sh", Path.Combine(Repo.Packaging, "native", "glibc-forwarders.sh"), arch,
            Path.Combine(Repo.Packaging, "glibc", $"2.17-{arch}.abi"), list, asm);
        Assert.True(gen.Exit == 0, gen.All);
        return asm;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex(@"Name: GLIBC_([0-9.]+)\b")]
    private static partial Regex GlibcVersion();
}
