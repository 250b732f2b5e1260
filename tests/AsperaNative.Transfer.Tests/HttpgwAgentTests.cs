using System.IO.Compression;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Httpgw;
using AsperaNative.Rest;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Httpgw;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.Progress;
using AsperaNative.Transfer.Tests.Support;

namespace AsperaNative.Transfer.Tests;

/// <summary>The HTTP Gateway agent against the gateway emulator (HTTPS, web sockets): uploads v1/v2, acknowledgements, downloads, resume, errors.</summary>
public sealed class HttpgwAgentTests : IAsyncLifetime
{
    private readonly StandIn _s = new();
    private HttpgwEmulator _gw = null!;
    private RestFactory _rest = null!;
    private readonly StringWriter _log = new();

    public async Task InitializeAsync()
    {
        _gw = await HttpgwEmulator.StartAsync(_s.Path_("gw"));
        _rest = new RestFactory(() => new RestSettings { Insecure = true, WarnInsecure = false, Http = HttpOptions.Default with { RetrySleep = TimeSpan.Zero } });
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _gw.DisposeAsync();
        _s.Dispose();
    }

    private HttpgwAgent Agent(JsonObject? info = null)
    {
        info ??= [];
        info["url"] ??= _gw.Url;
        return new HttpgwAgent(HttpgwOptions.From(info), _rest, new TransferLog(_log, "warn"));
    }

    private JsonObject Upload(params string[] sources) => new()
    {
        ["direction"] = "send", ["token"] = "Bearer ok", ["destination_root"] = "/in",
        ["paths"] = new JsonArray([.. sources.Select(static x => (JsonNode)new JsonObject { ["source"] = x })]),
    };

    [Theory]
    [InlineData("v2", 1000)]
    [InlineData("v1", 1000)]
    [InlineData("v2", 64000)]
    public async Task UploadWritesEveryFileByteForByte(string version, int chunk)
    {
        var random = new Random(42);
        var a = new byte[150_000];
        random.NextBytes(a);
        File.WriteAllBytes(_s.Path_("a.bin"), a);
        _s.File_("dir/sub/é x.txt", "nested");
        _s.File_("empty", "");
        var progress = new ProgressRenderer(null);
        var statuses = await Agent(new JsonObject { ["api_version"] = version, ["upload_chunk_size"] = chunk })
            .TransferAsync(Upload(_s.Path_("a.bin"), _s.Path_("dir"), _s.Path_("empty")), progress, null, CancellationToken.None);
        Assert.True(statuses.Single().Success, statuses.Single().Error?.Message);
        Assert.Equal(a, File.ReadAllBytes(Path.Combine(_gw.Storage, "in", "a.bin")));
        Assert.Equal("nested", File.ReadAllText(Path.Combine(_gw.Storage, "in", "dir", "sub", "é x.txt")));
        Assert.Equal(0, new FileInfo(Path.Combine(_gw.Storage, "in", "empty")).Length);
        Assert.Equal(150_006, progress.TotalBytes);
        Assert.Equal(150_006, progress.TransferredBytes);
        // the gateway is given the names it writes, and the token authentication
        Assert.Equal(["a.bin", "dir/sub/é x.txt", "empty"], _gw.LastSpec!["paths"]!.AsArray().Select(static p => p!["source"]!.ToString()));
        Assert.Equal("token", _gw.LastSpec["authentication"]!.ToString());
        var received = _gw.Received;
        Assert.Equal("transfer_spec", received[0]);
        Assert.Equal("close", received[^1]);
        int slices = (150_000 + chunk - 1) / chunk + 1 + 1;
        if (version == "v2")
        {
            Assert.Equal(3 * 2, received.Count(static r => r == "slice_upload"));
            Assert.Equal(slices, received.Count(static r => r.StartsWith("binary:", StringComparison.Ordinal)));
        }
        else
        {
            Assert.Equal(slices, received.Count(static r => r == "slice_upload"));
            Assert.DoesNotContain(received, static r => r.StartsWith("binary:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SynchronousModeWaitsForEachAcknowledgement()
    {
        _s.File_("f", new string('x', 10_000));
        _gw.AckDelay = TimeSpan.FromMilliseconds(30);
        var statuses = await Agent(new JsonObject { ["synchronous"] = true, ["upload_chunk_size"] = 1000 }).TransferAsync(Upload(_s.Path_("f")), new RecordingListener(), null, CancellationToken.None);
        Assert.True(statuses.Single().Success);
        // never more than one message ahead of the gateway (plus the delimiter pair of v2)
        Assert.InRange(_gw.MaxUnacknowledged, 0, 2);
    }

    [Fact]
    public async Task WithoutSynchronousTheClientRunsAhead()
    {
        _s.File_("f", new string('x', 50_000));
        _gw.AckDelay = TimeSpan.FromMilliseconds(20);
        var statuses = await Agent(new JsonObject { ["upload_chunk_size"] = 1000 }).TransferAsync(Upload(_s.Path_("f")), new RecordingListener(), null, CancellationToken.None);
        Assert.True(statuses.Single().Success);
        Assert.True(_gw.MaxUnacknowledged > 5, $"max unacknowledged: {_gw.MaxUnacknowledged}");
    }

    [Fact]
    public async Task AGatewayWithoutV2IsUsedInV1WithAWarning()
    {
        _s.File_("f", "v1 only");
        _gw.Info["endpoints"] = new System.Text.Json.Nodes.JsonArray("/v1/info", "/v1/upload", "/v1/download");
        Assert.True((await Agent().TransferAsync(Upload(_s.Path_("f")), new RecordingListener(), null, CancellationToken.None)).Single().Success);
        Assert.Contains("API version v2 not supported, reverting to v1", _log.ToString(), StringComparison.Ordinal);
        Assert.Equal("v1 only", File.ReadAllText(Path.Combine(_gw.Storage, "in", "f")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GatewayErrorsAreReportedInItsWords(bool base64)
    {
        _s.File_("f", new string('x', 5000));
        _gw.FailUpload = (2, "permission denied on destination", base64);
        var e = await Assert.ThrowsAsync<Core.Errors.CliException>(() => Agent(new JsonObject { ["upload_chunk_size"] = 1000, ["synchronous"] = true })
            .TransferAsync(Upload(_s.Path_("f")), new RecordingListener(), null, CancellationToken.None));
        Assert.Equal("permission denied on destination", e.Message);
        Assert.Equal("Other(RuntimeError)", e.Kind);
    }

    [Fact]
    public async Task OnlyTokenTransfersAreSupported()
    {
        var spec = Upload(_s.File_("f", "x"));
        spec.Remove("token");
        var e = await Assert.ThrowsAsync<Core.Errors.CliException>(() => Agent().TransferAsync(spec, new RecordingListener(), null, CancellationToken.None));
        Assert.Equal("assertion failed: only token based transfer is supported in GW", e.Message);
    }

    [Fact]
    public async Task MissingSourceIsAnError()
    {
        var e = await Assert.ThrowsAsync<Core.Errors.CliException>(() => Agent().TransferAsync(Upload(_s.Path_("nope")), new RecordingListener(), null, CancellationToken.None));
        Assert.Equal($"File not found: {_s.Path_("nope")}", e.Message);
    }

    [Fact]
    public async Task FauxSourcesAreGenerated()
    {
        Assert.True((await Agent().TransferAsync(Upload("faux:///big?2k"), new RecordingListener(), null, CancellationToken.None)).Single().Success);
        Assert.Equal(new byte[2048], File.ReadAllBytes(Path.Combine(_gw.Storage, "in", "big")));
    }

    private static JsonObject Download(string destination, params string[] sources) => new()
    {
        ["direction"] = "receive", ["token"] = "Bearer ok", ["destination_root"] = destination,
        ["paths"] = new JsonArray([.. sources.Select(static x => (JsonNode)new JsonObject { ["source"] = x })]),
    };

    [Fact]
    public async Task DownloadOfOneFileOverHttps()
    {
        Directory.CreateDirectory(Path.Combine(_gw.Storage, "data"));
        File.WriteAllText(Path.Combine(_gw.Storage, "data", "report.txt"), "the report");
        Directory.CreateDirectory(_s.Path_("down"));
        var progress = new ProgressRenderer(null);
        Assert.True((await Agent().TransferAsync(Download(_s.Path_("down"), "/data/report.txt"), progress, null, CancellationToken.None)).Single().Success);
        Assert.Equal("the report", File.ReadAllText(_s.Path_("down/report.txt")));
        Assert.Equal(10, progress.TotalBytes);
        Assert.Equal(10, progress.TransferredBytes);
        Assert.Equal("report", _gw.LastSpec!["download_name"]!.ToString());
        Assert.Equal("/", _gw.LastSpec["source_root"]!.ToString());
        Assert.False((bool)_gw.LastSpec["zip_required"]!);
    }

    [Fact]
    public async Task DownloadOfSeveralFilesIsOneZip()
    {
        Directory.CreateDirectory(Path.Combine(_gw.Storage, "data", "d"));
        File.WriteAllText(Path.Combine(_gw.Storage, "data", "a.txt"), "a");
        File.WriteAllText(Path.Combine(_gw.Storage, "data", "d", "b.txt"), "b");
        Directory.CreateDirectory(_s.Path_("down"));
        Assert.True((await Agent().TransferAsync(Download(_s.Path_("down"), "/data/a.txt", "/data/d"), new RecordingListener(), null, CancellationToken.None)).Single().Success);
        using var zip = ZipFile.OpenRead(_s.Path_("down/a 2 Files.zip"));
        Assert.Equal(["a.txt", "d/b.txt"], zip.Entries.Select(static e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnInterruptedDownloadResumesFromItsPartialFile()
    {
        var data = new byte[300_000];
        new Random(7).NextBytes(data);
        File.WriteAllBytes(Path.Combine(_gw.Storage, "big.bin"), data);
        Directory.CreateDirectory(_s.Path_("down"));
        _gw.CutDownloadAt = 100_000;
        await Assert.ThrowsAnyAsync<Exception>(() => Agent().TransferAsync(Download(_s.Path_("down"), "big.bin"), new RecordingListener(), null, CancellationToken.None));
        Assert.False(File.Exists(_s.Path_("down/big.bin")));
        // what arrived before the connection was dropped is kept
        long kept = new FileInfo(_s.Path_("down/big.bin.http_partial")).Length;
        Assert.InRange(kept, 1, 100_000);
        _gw.CutDownloadAt = null;
        var progress = new ProgressRenderer(null);
        Assert.True((await Agent().TransferAsync(Download(_s.Path_("down"), "big.bin"), progress, null, CancellationToken.None)).Single().Success);
        Assert.Equal(data, File.ReadAllBytes(_s.Path_("down/big.bin")));
        Assert.Equal(300_000, progress.TotalBytes);
        Assert.Equal(["", $"bytes={kept}-"], _gw.DownloadRanges);
    }

    [Theory]
    [InlineData("gw.example.com", "https://gw.example.com/aspera/http-gwy")]
    [InlineData("https://gw.example.com/aspera/http-gwy/v1/", "https://gw.example.com/aspera/http-gwy")]
    [InlineData("https://gw.example.com/", "https://gw.example.com/aspera/http-gwy")]
    [InlineData("http://localhost:8080", "http://localhost:8080/aspera/http-gwy")]
    public void GatewayUrlIsNormalizedAsAscliDoes(string url, string root) => Assert.Equal(root, HttpgwAgent.NormalizeUrl(url));

    [Fact]
    public void PlainHttpIsOnlyForTheLoopback()
        => Assert.Equal("GW URL shall be with scheme https", Assert.Throws<Core.Errors.CliException>(() => HttpgwAgent.NormalizeUrl("http://gw.example.com")).Message);

    [Fact]
    public void ParametersAreRubyKeywords()
    {
        Assert.Equal("missing keyword: :url", Assert.Throws<Core.Errors.CliException>(() => HttpgwOptions.From([])).Message);
        Assert.Equal("unknown keyword: :nope", Assert.Throws<Core.Errors.CliException>(() => HttpgwOptions.From(new JsonObject { ["url"] = "x", ["nope"] = 1 })).Message);
        Assert.Equal("https://announced", HttpgwOptions.From([], () => "https://announced").Url);
    }
}
