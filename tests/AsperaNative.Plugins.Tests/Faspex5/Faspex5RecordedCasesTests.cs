using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Faspex5;

namespace AsperaNative.Plugins.Tests.Faspex5;

/// <summary>
/// Replays the HTTP requests that the original ascli made in the recorded faspex5 cases of
/// <c>../shared/compat/rest.sample.jsonl</c> against the emulator seeded with the same world (same ids and
/// names), and checks that each is answered with the recorded status class and at least the recorded
/// JSON keys: the emulator answers every call the plugin will make, in the shapes ascli expects.
/// </summary>
public sealed class Faspex5RecordedCasesTests : IAsyncLifetime
{
    private const string John = "john.doe@example.com";
    private readonly string _work = Path.Combine(Path.GetTempPath(), "f5rec-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true, AllowAutoRedirect = false });
    private readonly List<JsonObject> _cases = [];
    private Faspex5Emulator _f5 = null!;
    private RSA _johnKey = null!;

    public async Task InitializeAsync()
    {
        foreach (string line in File.ReadLines(SamplePath()))
            if (line.Length > 0 && JsonNode.Parse(line) is JsonObject c && c.Str("plugin") == "faspex5") _cases.Add(c);
        // the recorded private key of john.doe: its public half is registered in his profile
        string pem = _cases.Select(static c => c["files"]?["key.pem"]?.ToString()).First(static k => k is not null)!;
        _johnKey = RSA.Create();
        _johnKey.ImportFromPem(pem);
        _f5 = await Faspex5Emulator.StartAsync(Path.Combine(_work, "storage"), Seed, nodeId: 2);
        _f5.BrowsePageSize = 2;
    }

    /// <summary>The world of the recordings: users 7 and 8, shared inboxes 41/42, workgroups 51/52, packages pk1..3, shared folder 3 on node 2.</summary>
    private void Seed(global::AsperaNative.Emulators.Faspex5.State.Faspex5State s)
    {
        s.AddClient("aspera_cli_f5");
        s.AddUser("alice@example.com", admin: true, firstName: "Alice", lastName: "Martin", id: 7)["user_profile_data_attributes"]!["phone"] = "555-0100";
        s.AddUser("bob@example.com", accountType: "saml_user", firstName: "Bob", lastName: "Stone", id: 8);
        s.AddUser(John, _johnKey.ExportSubjectPublicKeyInfoPem(), admin: true, firstName: "John", lastName: "Doe", id: 9);
        s.AddSharedInbox(41, "Legal", John);
        s.AddSharedInbox(42, "Legal Archive");
        s.AddWorkgroup(51, "Engineering", John);
        s.AddWorkgroup(52, "Engineering Ops", John);
        s.AddPackage("alice@example.com", "Quarterly report", [John], new Dictionary<string, string> { ["report.pdf"] = "q" }, "see attached", id: "pk1XyZ");
        s.AddPackage("alice@example.com", "Design assets", [John], new Dictionary<string, string>
        {
            ["logo.png"] = "png", ["fonts/a.ttf"] = "a", ["fonts/b.ttf"] = "bb", ["fonts/c.ttf"] = "ccc", ["readme.txt"] = "read me",
        }, id: "pk2XyZ");
        s.AddPackage("alice@example.com", "Contract draft", [John], new Dictionary<string, string> { ["contract.pdf"] = "c" }, id: "pk3XyZ");
        s.AddSharedFolder("Marketing", "/mkt", nodeId: 2, id: 3);
        Directory.CreateDirectory(Path.Combine(s.Docroot, "mkt", "2024"));
        Directory.CreateDirectory(Path.Combine(s.Docroot, "mkt", "campaigns", "2024"));
        s.AddPublicLink("pk1XyZ", null, null, "public_pass_123");
        s.Smtp = new JsonObject { ["host"] = "smtp.example.com", ["port"] = 587 };
        s.Collection("application_events").Add(new JsonObject { ["event_type"] = "package_sent", ["created_at"] = "2024-05-01T10:00:00Z", ["application"] = "faspex", ["user"] = new JsonObject { ["name"] = "alice@example.com" } });
    }

    public async Task DisposeAsync()
    {
        await _f5.DisposeAsync();
        _http.Dispose();
        _johnKey.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && File.Exists(Path.Combine(dir.FullName, "..", "shared", "compat", "rest.sample.jsonl")))
                return Path.Combine(dir.FullName, "..", "shared", "compat", "rest.sample.jsonl");
        return "/work/shared/compat/rest.sample.jsonl";
    }

    [Fact]
    public async Task Every_recorded_request_is_answered_with_the_recorded_status_and_keys()
    {
        Assert.True(_cases.Count >= 20, $"only {_cases.Count} faspex5 cases found");
        var failures = new List<string>();
        // destructive cases last, so that the others find the recorded packages
        foreach (var c in _cases.OrderBy(static c => c.Str("id").Contains("delete", StringComparison.Ordinal)))
            failures.AddRange(await Replay(c));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<List<string>> Replay(JsonObject c)
    {
        var failures = new List<string>();
        string id = c.Str("id");
        string boot = _f5.BootToken(John);
        string? bearer = null, nextToken = null, jobId = null;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in c["requests"]!.AsArray().OfType<JsonObject>())
        {
            string method = r.Str("method"), path = r.Str("path");
            string route = method + " " + path.Split('?')[0];
            if (path.Contains("iteration_token=", StringComparison.Ordinal))
            {
                route = method + " " + path;
                if (nextToken is null) { failures.Add($"{id}: no iteration token before {path}"); continue; }
                path = path[..(path.IndexOf("iteration_token=", StringComparison.Ordinal) + 16)] + nextToken;
            }
            if (jobId is not null) path = path.Replace("job_77", jobId, StringComparison.Ordinal);
            // a route answering several times in the recording has a list of answers, in order
            int occurrence = seen.GetValueOrDefault(route);
            seen[route] = occurrence + 1;
            var node = c["routes"]![route];
            var recorded = node is JsonArray list ? list[Math.Min(occurrence, list.Count - 1)]! : node!;

            using var request = new HttpRequestMessage(new HttpMethod(method), _f5.Host.Url + path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (r["hdrs"]?["Passcode"]?.ToString() is { } passcode) request.Headers.Add("Passcode", passcode);
            else if (r["auth"] is not null) request.Headers.TryAddWithoutValidation("Authorization", r.Str("auth").StartsWith("Bearer f5_at", StringComparison.Ordinal) ? bearer : boot);
            if (path.EndsWith("/auth/token", StringComparison.Ordinal))
                request.Content = new FormUrlEncodedContent([new("client_id", "aspera_cli_f5"), new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), new("assertion", Jwt())]);
            else if (r.Str("body").Length > 0)
                request.Content = new StringContent(r.Str("body"), Encoding.UTF8, r.Str("ctype"));

            using var response = await _http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            int status = (int)response.StatusCode, expected = recorded["status"]!.GetValue<int>();
            if (status / 100 != expected / 100)
            {
                failures.Add($"{id}: {method} {path} answered {status} (recorded {expected}): {text}");
                continue;
            }
            if (recorded["body"] is JsonObject wanted && wanted.Count > 0)
            {
                var actual = JsonNode.Parse(text);
                foreach (string missing in MissingKeys(wanted, actual, ""))
                    failures.Add($"{id}: {method} {path} answer lacks {missing}: {text}");
                if (actual?["access_token"] is { } at) bearer = "Bearer " + at;
                if (actual?["job_id"] is { } job) jobId = job.ToString();
            }
            nextToken = response.Headers.TryGetValues("X-Aspera-Next-Iteration-Token", out var values) ? values.First() : null;
        }
        return failures;
    }

    /// <summary>Keys of <paramref name="wanted"/> absent from <paramref name="actual"/> (objects recursively, arrays by their first items).</summary>
    private static IEnumerable<string> MissingKeys(JsonNode? wanted, JsonNode? actual, string at)
    {
        switch (wanted)
        {
            case JsonObject o:
                if (actual is not JsonObject a) { yield return at.Length == 0 ? "an object" : at; yield break; }
                foreach (var (key, value) in o)
                {
                    if (!a.ContainsKey(key)) yield return at + "/" + key;
                    else foreach (string m in MissingKeys(value, a[key], at + "/" + key)) yield return m;
                }
                break;
            case JsonArray w when w.Count > 0:
                if (actual is not JsonArray list) yield return at + " (array)";
                else if (list.Count > 0) foreach (string m in MissingKeys(w[0], list[0], at + "[0]")) yield return m;
                break;
        }
    }

    private string Jwt() => TokenService.Assertion(_johnKey, "aspera_cli_f5", John);
}
