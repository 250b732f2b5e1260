using System.Net;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Console;
using static AsperaNative.Plugins.Tests.Emulators.EmulatorHttp;

namespace AsperaNative.Plugins.Tests.Console;

public sealed class ConsoleEmulatorTests : IAsyncLifetime
{
    private ConsoleEmulator _console = null!;
    private readonly HttpClient _http = Client();

    public async Task InitializeAsync()
    {
        _console = await ConsoleEmulator.StartAsync();
        _console.AddUser("console_admin", "C0nsole!");
        _console.AddTransfer("backup job", "alice@node1", "completed", new DateTime(2024, 5, 1, 1, 0, 0, DateTimeKind.Utc), 1048576);
        _console.AddTransfer("sync media", "bob@node2", "running", new DateTime(2024, 5, 1, 2, 0, 0, DateTimeKind.Utc), 2048);
        _console.AddTransfer("old job", "carol@node3", "failed", new DateTime(2024, 4, 1, 2, 0, 0, DateTimeKind.Utc));
        _console.AddSmartTransfer(12, "Nightly", "node1", "/data/in", "node2", "/archive");
    }

    [Fact]
    public async Task Transfer_list_is_filtered_by_from_and_to()
    {
        var answer = await _http.SendAsync(Request(HttpMethod.Get, $"{_console.Url}/api/transfers?from=2024-05-01+00%3A00%3A00&to=2024-05-01+23%3A59%3A59", Basic("console_admin", "C0nsole!")));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var list = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["backup job", "sync media"], list.Select(t => t!["name"]!.ToString()));
        Assert.Equal("GET /aspera/console/api/transfers?from=2024-05-01+00%3A00%3A00&to=2024-05-01+23%3A59%3A59", _console.Http.RequestLines()[^1]);
    }

    [Fact]
    public async Task Submitting_a_smart_transfer_creates_a_transfer()
    {
        var answer = await _http.SendAsync(Request(HttpMethod.Post, $"{_console.Url}/api/smart_transfers/12", Basic("console_admin", "C0nsole!"),
            """{"source":{"paths":["my_smart_file"]},"source_type":"user_selected"}"""));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var created = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsArray().Single()!;
        Assert.Equal("Nightly", created["name"]!.ToString());
        Assert.Equal("my_smart_file", created["source_paths"]![0]!.ToString());
        var shown = await _http.SendAsync(Request(HttpMethod.Get, $"{_console.Url}/api/transfers/{created["id"]}", Basic("console_admin", "C0nsole!")));
        Assert.Equal("queued", JsonNode.Parse(await shown.Content.ReadAsStringAsync())!["status"]!.ToString());
    }

    [Fact]
    public async Task Wrong_password_gives_the_console_error_body()
    {
        var answer = await _http.SendAsync(Request(HttpMethod.Get, $"{_console.Url}/api/ssh_keys", Basic("console_admin", "wrong")));
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("""{"error":{"user_message":"Invalid username or password"}}""", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_date_and_unknown_smart_transfer_are_refused()
    {
        var badDate = await _http.SendAsync(Request(HttpMethod.Get, $"{_console.Url}/api/transfers?from=yesterday", Basic("console_admin", "C0nsole!")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        Assert.Contains("Invalid date for from", await badDate.Content.ReadAsStringAsync());
        var unknown = await _http.SendAsync(Request(HttpMethod.Post, $"{_console.Url}/api/smart_transfers/99", Basic("console_admin", "C0nsole!"), "{}"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _console.DisposeAsync();
    }
}
