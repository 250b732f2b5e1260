using System.Text.Json.Nodes;
using AsperaNative.Emulators.Console;
using AsperaNative.Plugins.Tests.Config;

namespace AsperaNative.Plugins.Tests.Console;

/// <summary><c>ascli console</c> against the Console emulator.</summary>
public sealed class ConsoleCommandTests : IAsyncLifetime
{
    private const string User = "console_admin", Password = "C0nsole!";
    private readonly CliHome _home = new();
    private ConsoleEmulator _console = null!;

    public async Task InitializeAsync()
    {
        _console = await ConsoleEmulator.StartAsync();
        _console.AddUser(User, Password);
        _console.AddTransfer("backup job", "alice@node1", "completed", new DateTime(2024, 5, 1, 1, 0, 0, DateTimeKind.Utc), 1048576);
        _console.AddTransfer("sync media", "bob@node2", "running", new DateTime(2024, 5, 1, 2, 0, 0, DateTimeKind.Utc), 2048);
        _console.AddTransfer("recent job", "carol@node3", "running", DateTime.UtcNow.AddMinutes(-30));
        _console.AddSmartTransfer(12, "Nightly", "node1", "/data/in", "node2", "/archive");
        _console.AddSshKey("deploy", "SHA256:abc");
    }

    private RunOutput Run(params string[] args)
        => _home.Run(["console", $"--url={_console.Url}", "--insecure=yes", $"--username={User}", $"--password={Password}", .. args]);

    [Fact]
    public void Current_transfers_between_the_filter_dates()
    {
        var run = Run("transfer", "current", "list", "--filter-from=2024-05-01 00:00:00", "--filter-to=2024-05-01 23:59:59", "--format=csv");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("5001,alice@node1,backup job,completed\n5002,bob@node2,sync media,running\n", run.Out);
        Assert.Equal("GET /aspera/console/api/transfers?from=2024-05-01+00%3A00%3A00&to=2024-05-01+23%3A59%3A59", _console.Http.RequestLines()[^1]);
    }

    [Fact]
    public void Current_transfers_default_to_the_last_three_hours()
    {
        var run = Run("transfer", "current", "list", "--format=json");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("recent job", Assert.Single(JsonNode.Parse(run.Out)!.AsArray())!["name"]!.ToString());
        var relative = Run("transfer", "current", "list", "--filter-from=-1h", "--filter-to=now", "--format=json");
        Assert.Single(JsonNode.Parse(relative.Out)!.AsArray());
    }

    [Fact]
    public void Smart_transfers_list_and_submit()
    {
        var list = Run("transfer", "smart", "list", "--fields=id,name", "--format=csv");
        Assert.Equal("12,Nightly\n", list.Out);
        var hash = Run("transfer", "smart", "submit", "12", "@json:{\"source\":{\"paths\":[\"f\"]}}");
        Assert.Equal("ERROR: Argument: Argument transfer parameters (String) is a Hash but must be String", hash.Error);
        var missing = Run("transfer", "smart", "submit", "12");
        Assert.Equal("ERROR: Argument: missing argument: transfer parameters (String)", missing.Error);
        var text = Run("transfer", "smart", "submit", "12", "text");
        Assert.Equal(1, text.Exit);
        Assert.StartsWith("ERROR: Rest: ", text.Error);
        Assert.Equal("POST /aspera/console/api/smart_transfers/12", _console.Http.RequestLines()[^1]);
        Assert.Equal("\"text\"", _console.Http.Requests[^1].Body);
    }

    [Fact]
    public void Health_ok_and_critical()
    {
        var ok = Run("health", "--format=nagios");
        Assert.Equal("OK - [console api:accessible]", ok.Out.Trim());
        var bad = _home.Run("console", $"--url={_console.Url}", "--insecure=yes", $"--username={User}", "--password=bad", "health", "--format=nagios");
        Assert.Equal(2, bad.Exit);
        Assert.Equal($"CRITICAL - [console api:Invalid username or password 127.0.0.1:{_console.Http.Port} 401 Unauthorized]", bad.Out.Trim());
    }

    [Fact]
    public void Url_username_password_are_mandatory_in_order()
    {
        Assert.Equal("ERROR: Argument: Missing mandatory option: url", _home.Run("console", "health").Error);
        Assert.Equal("ERROR: Argument: Missing mandatory option: username", _home.Run("console", "--url=https://h", "health").Error);
        Assert.Equal("ERROR: Argument: Missing mandatory option: password", _home.Run("console", "--url=https://h", "--username=u", "health").Error);
    }

    public async Task DisposeAsync()
    {
        await _console.DisposeAsync();
        _home.Dispose();
    }
}
