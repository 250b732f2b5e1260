using AsperaNative.Emulators.Console;

namespace AsperaNative.EndToEnd.Tests;

/// <summary><c>ascli console</c> on the binary against the Console emulator.</summary>
public sealed class ConsoleTests : IAsyncLifetime
{
    private readonly Ascli _ascli = new();
    private ConsoleEmulator _console = null!;

    public async Task InitializeAsync()
    {
        _console = await ConsoleEmulator.StartAsync();
        _console.AddUser("console_admin", "C0nsole!");
        _console.AddTransfer("backup job", "alice@node1", "completed", new DateTime(2024, 5, 1, 1, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Current_transfers_and_health()
    {
        string[] login = ["console", $"--url={_console.Url}", "--insecure=yes", "--username=console_admin", "--password=C0nsole!"];
        var list = _ascli.Exec([.. login, "transfer", "current", "list", "--filter-from=2024-05-01 00:00:00", "--filter-to=2024-05-02 00:00:00", "--format=csv"]);
        Assert.Equal(0, list.Exit);
        Assert.Equal("5001,alice@node1,backup job,completed\n", list.Out);
        Assert.Equal("OK - [console api:accessible]\n", _ascli.Exec([.. login, "health", "--format=nagios"]).Out);
    }

    public async Task DisposeAsync()
    {
        await _console.DisposeAsync();
        _ascli.Dispose();
    }
}
