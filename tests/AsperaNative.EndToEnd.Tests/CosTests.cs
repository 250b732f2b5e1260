using AsperaNative.Emulators.Cos;
using AsperaNative.Emulators.Node;

namespace AsperaNative.EndToEnd.Tests;

/// <summary><c>ascli cos node</c> on the binary against the COS emulator and the bucket's node emulator.</summary>
public sealed class CosTests : IAsyncLifetime
{
    private const string Crn = "crn:v1:bluemix:public:cloud-object-storage:global:a/1234::";
    private readonly string _docroot = Directory.CreateTempSubdirectory("ascli-e2e-cos-").FullName;
    private readonly Ascli _ascli = new();
    private CosEmulator _cos = null!;
    private NodeEmulator _node = null!;

    public async Task InitializeAsync()
    {
        _cos = await CosEmulator.StartAsync();
        _node = await NodeEmulator.StartAsync(_docroot);
        _cos.AddBucket("mybucket", Crn, "CosApiKey_9f8e", _node, Path.Combine(_docroot, "mybucket"));
    }

    [Fact]
    public void Node_info_of_the_bucket()
    {
        var run = _ascli.Exec("cos", "node", "--bucket=mybucket", $"--endpoint={_cos.Url}", "--apikey=CosApiKey_9f8e", $"--crn={Crn}",
            $"--identity={_cos.IdentityUrl}", "--insecure=yes", "info", "--format=json");
        Assert.True(run.Exit == 0, run.Err);
        Assert.StartsWith("{", run.Out);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _cos.DisposeAsync();
        _ascli.Dispose();
        Directory.Delete(_docroot, recursive: true);
    }
}
