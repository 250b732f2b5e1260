using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.Errors;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Tests;

public sealed class AscpArgumentBuilderTests
{
    private sealed class Resources : IAscpResources
    {
        public string BypassKeyPath(string type) => $"/sdk/aspera_bypass_{type}.pem";
        public string FallbackCertificatePath() => "/sdk/cert.pem";
        public string FallbackPrivateKeyPath() => "/sdk/key.pem";
    }

    private static AscpCommand Build(string json, AscpBuildOptions? options = null, StringWriter? log = null)
        => new AscpArgumentBuilder((JsonObject)JsonNode.Parse(json)!, options ?? new AscpBuildOptions(), new Resources(), new TransferLog(log ?? new StringWriter())).Build();

    private const string Base = "\"direction\":\"send\",\"remote_host\":\"h\",\"remote_user\":\"u\",\"ssh_port\":33001,\"create_dir\":true,\"paths\":[{\"source\":\"f\"}]";

    [Theory]
    [InlineData("{" + Base + "}", "-q -d --mode send --host h --user u -P 33001 --dest64 f Lw==")]
    [InlineData("{" + Base + ",\"target_rate_kbps\":50000,\"min_rate_kbps\":1000,\"rate_policy\":\"fair\"}", "-q -d --mode send --policy fair --host h --user u -P 33001 -l 50000 -m 1000 --dest64 f Lw==")]
    [InlineData("{" + Base + ",\"cipher\":\"aes-256-gcm\",\"resume_policy\":\"sparse_csum\"}", "-q -c aes256gcm -d --mode send --host h --user u -k 2 -P 33001 --dest64 f Lw==")]
    [InlineData("{" + Base + ",\"http_fallback\":\"force\",\"https_fallback_port\":8443}", "-I /sdk/cert.pem -Y /sdk/key.pem -q -d --mode send -y F -t 8443 --host h --user u -P 33001 --dest64 f Lw==")]
    [InlineData("{" + Base + ",\"tags\":{\"app\":\"test\",\"n\":1}}", "-q -d --mode send --host h --user u -P 33001 --tags64 eyJhcHAiOiJ0ZXN0IiwibiI6MX0= --dest64 f Lw==")]
    [InlineData("{" + Base + ",\"use_ascp4\":true,\"destination_root\":\"/d\"}", "-q -d --mode send --host h --user u -P 33001 f /d")]
    [InlineData("{\"direction\":\"receive\",\"remote_host\":\"h\",\"token\":\"Bearer x\",\"paths\":[{\"source\":\"f\"}]}", "-q -i /sdk/aspera_bypass_rsa.pem --mode recv --host h --dest64 f Lw==")]
    [InlineData("{\"direction\":\"send\",\"remote_host\":\"h\",\"token\":\"T\",\"wss_enabled\":true,\"wss_port\":443,\"fasp_port\":33001,\"paths\":[{\"source\":\"f\"}]}", "-q --ws-connect --mode send --host h -P 443 --dest64 f Lw==")]
    public void ArgumentsFollowTableOrder(string spec, string expected)
        => Assert.Equal(expected, string.Join(' ', Build(spec).Arguments));

    [Fact]
    public void SecretsGoToEnvironment()
    {
        var command = Build("{" + Base + ",\"remote_password\":\"p\",\"ssh_private_key_passphrase\":\"k\",\"content_protection_password\":\"c\",\"cookie\":\"x\"}");
        Assert.Equal("k", command.Environment["ASPERA_SCP_PASS"]);
        Assert.Equal("c", command.Environment["ASPERA_SCP_FILEPASS"]);
        Assert.Equal("x", command.Environment["ASPERA_SCP_COOKIE"]);
        Assert.Equal("true", command.Environment["ASPERA_TEST_REDIS_DISABLE"]);
        Assert.DoesNotContain(command.Arguments, static a => a is "p" or "k" or "c");
    }

    [Fact]
    public void FileListHasNoTrailingNewline()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        var command = Build("{\"direction\":\"send\",\"remote_host\":\"h\",\"paths\":[{\"source\":\"a\",\"destination\":\"b\"},{\"source\":\"c\",\"destination\":\"d\"}]}", new AscpBuildOptions { FileListFolder = folder });
        string option = command.Arguments.Single(static a => a.StartsWith("--file-pair-list=", StringComparison.Ordinal));
        Assert.Equal("a\nb\nc\nd", File.ReadAllText(option["--file-pair-list=".Length..]));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void WrongTypeIsATransferError()
    {
        var e = Assert.Throws<TransferException>(() => Build("{" + Base + ",\"target_rate_kbps\":\"100\"}"));
        Assert.Equal("target_rate_kbps is : String (100), shall be [:int], ", e.Message);
    }

    [Fact]
    public void UnknownEnumValueIsRejected()
    {
        var e = Assert.Throws<CliException>(() => Build("{" + Base + ",\"cipher\":\"aes-999\"}"));
        Assert.Equal("Enum value aes-999 is not allowed for cipher", e.Message);
    }

    [Fact]
    public void UnknownParameterOnlyWarns()
    {
        var log = new StringWriter();
        Build("{" + Base + ",\"foo\":1}", log: log);
        Assert.Contains("WARN -- : unrecognized parameter: foo = \"1\"", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PathsAreMandatoryUnlessListInAscpArgs()
    {
        Assert.Throws<TransferException>(() => Build("{\"direction\":\"send\",\"remote_host\":\"h\"}"));
        var command = Build("{\"direction\":\"send\",\"remote_host\":\"h\"}", new AscpBuildOptions { AscpArgs = ["--file-list", "x"] });
        Assert.Equal(["--mode", "send", "--host", "h", "--dest64", "--file-list", "x", "Lw=="], command.Arguments.Skip(1));
    }

    [Fact]
    public void TableIsCompiledInOrder()
    {
        Assert.Equal("cipher", SpecTable.All[0].Name);
        Assert.True(SpecTable.All.Length > 80);
        Assert.Equal(["receive", "recv", "send", "send"], SpecTable.Find("direction")!.ConversionMap);
        Assert.Contains(SpecTable.ManTable(), static r => r!["name"]!.ToString() == "resume_policy" && r["description"]!.ToString().Contains("(-k (conversion){enum})", StringComparison.Ordinal));
    }
}
