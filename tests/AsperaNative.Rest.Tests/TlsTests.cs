using AsperaNative.Core.Errors;
using AsperaNative.Rest.Tests.Support;
using AsperaNative.Rest.Tls;

namespace AsperaNative.Rest.Tests;

public class TlsTests
{
    [Fact]
    public async Task SelfSignedCertificateFailsWithOpenSslWordsAndHints()
    {
        await using var server = await LoopbackServer.JsonAsync("{}", tls: true);
        var (factory, _) = TestStack.Create();
        var e = await Assert.ThrowsAsync<CliException>(() => factory.Create(server.Url).ReadAsync("x"));
        Assert.Equal("SSL", e.Kind);
        Assert.Equal($"SSL_connect returned=1 errno=0 peeraddr=127.0.0.1:{server.Port} state=error: certificate verify failed (self-signed certificate)", e.Message);
        Assert.Equal(["HINT: You can ignore SSL errors with option:", "HINT: --insecure=yes"], e.Hints);
    }

    [Fact]
    public async Task InsecureWorksAfterOneWarning()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"a":1}""", tls: true);
        var (factory, diagnostics) = TestStack.Create(s => s with { Insecure = true });
        await factory.Create(server.Url).ReadAsync("x");
        await factory.Create(server.Url).ReadAsync("y");
        Assert.Equal($"WARNING: Ignoring certificate for: https://127.0.0.1:{server.Port}. Do not deactivate certificate verification in production.\n", diagnostics.ToString().Replace("\r", ""));
        var (silent, quiet) = TestStack.Create(s => s with { Insecure = true, WarnInsecure = false });
        await silent.Create(server.Url).ReadAsync("x");
        Assert.Equal("", quiet.ToString());
    }

    [Fact]
    public async Task IgnoreCertificateMatchesHostAndPort()
    {
        await using var server = await LoopbackServer.JsonAsync("{}", tls: true);
        var (other, _) = TestStack.Create(s => s with { IgnoreCertificate = RestSettings.ParseIgnoreList([$"https://127.0.0.1:{server.Port + 1}"]) });
        await Assert.ThrowsAsync<CliException>(() => other.Create(server.Url).ReadAsync("x"));
        var (matching, _) = TestStack.Create(s => s with { IgnoreCertificate = RestSettings.ParseIgnoreList([$"https://127.0.0.1:{server.Port}/any/path"]) });
        await matching.Create(server.Url).ReadAsync("x");
    }

    [Fact]
    public async Task CertStoresTrustTheSavedChain()
    {
        await using var server = await LoopbackServer.JsonAsync("{}", tls: true);
        var chain = await RemoteCertificate.ChainAsync(server.Url, TimeSpan.FromSeconds(10));
        Assert.Equal("localhost", RemoteCertificate.CommonName(chain[0]));
        string pem = Path.Combine(Directory.CreateTempSubdirectory("certs").FullName, "server.pem");
        await File.WriteAllTextAsync(pem, RemoteCertificate.ChainPem(chain));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", await File.ReadAllTextAsync(pem));
        var (factory, diagnostics) = TestStack.Create(s => s with { CertStores = [pem] });
        await factory.Create(server.Url).ReadAsync("x");
        Assert.Equal("", diagnostics.ToString());
        var (folder, _) = TestStack.Create(s => s with { CertStores = [Path.GetDirectoryName(pem)!, TlsPolicy.DefaultStore] });
        await folder.Create(server.Url).ReadAsync("x");
    }

    [Fact]
    public void IgnoreListNeedsHttps()
    {
        var e = Assert.Throws<CliException>(() => RestSettings.ParseIgnoreList(["http://h:1"]));
        Assert.Equal("Expecting https scheme: http://h:1", e.Message);
    }
}
