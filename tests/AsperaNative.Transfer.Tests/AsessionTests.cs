using System.Diagnostics;
using System.Text.Json.Nodes;
using AsperaNative.Transfer.Tests.Support;

namespace AsperaNative.Transfer.Tests;

/// <summary>The asession executable: events on stdout, and no ascp left behind when it is interrupted.</summary>
public sealed class AsessionTests
{
    private static Process Start(StandIn s, JsonObject spec, params (string Name, string Value)[] env)
    {
        var session = new JsonObject
        {
            ["spec"] = spec,
            ["sdk"] = Path.GetDirectoryName(s.AscpPath),
            ["file_list_folder"] = s.Path_("lists"),
            // the stand-in is a .NET program: on a loaded machine it may need more than ascp's 2 s to connect
            ["agent"] = new JsonObject { ["spawn_timeout_sec"] = 30 },
        };
        string apphost = Path.Combine(AppContext.BaseDirectory, "asession");
        var psi = File.Exists(apphost) ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "asession.dll")]);
        psi.ArgumentList.Add("@json:" + session.ToJsonString());
        psi.RedirectStandardOutput = psi.RedirectStandardError = psi.RedirectStandardInput = true;
        psi.UseShellExecute = false;
        psi.Environment["HOME"] = s.Root;
        psi.Environment["ASCP_STANDIN_LOG"] = s.LogPath;
        foreach (var (k, v) in env) psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    private static JsonObject Upload(StandIn s) => new()
    {
        ["direction"] = "send",
        ["remote_host"] = "localhost",
        ["create_dir"] = true,
        ["destination_root"] = s.Path_("out"),
        ["paths"] = new JsonArray(new JsonObject { ["source"] = s.File_("src/f1", "hello") }),
    };

    [Fact]
    public void PrintsManagementEventsAsJsonLines()
    {
        using var s = new StandIn();
        using var p = Start(s, Upload(s));
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(30_000));
        Assert.Equal(0, p.ExitCode);
        var types = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonNode.Parse(l)!["type"]!.ToString()).ToList();
        Assert.Equal(["INIT", "SESSION", "NOTIFICATION", "START", "STATS", "STOP", "DONE"], types);
        Assert.Equal("hello", File.ReadAllText(s.Path_("out/f1")));
    }

    [Fact]
    public void PersistentSessionTransfersTheFilesGivenOnStdinUntilDone()
    {
        using var s = new StandIn();
        string a = s.File_("src/a.txt", "first"), b = s.File_("src/b b.txt", "second");
        Directory.CreateDirectory(s.Path_("out"));
        var spec = new JsonObject { ["direction"] = "send", ["remote_host"] = "localhost", ["keepalive"] = true, ["destination_root"] = s.Path_("out") };
        using var p = Start(s, spec);
        var lines = new List<string>();
        string? Next()
        {
            string? l = p.StandardOutput.ReadLine();
            if (l is not null) lines.Add(l);
            return l;
        }
        string? Type(string? l) => l is null ? null : JsonNode.Parse(l)!["type"]!.ToString();
        // the session is open: ascp waits for files
        while (Type(Next()) is { } t && t != "SESSION") { }
        p.StandardInput.WriteLine(new JsonObject { ["type"] = "START", ["source"] = a, ["destination"] = "a.txt" }.ToJsonString());
        p.StandardInput.Flush();
        while (Type(Next()) is { } t && t != "STOP") { }
        Assert.Equal("first", File.ReadAllText(s.Path_("out/a.txt")));
        p.StandardInput.WriteLine(new JsonObject { ["type"] = "START", ["source"] = b, ["destination"] = "sub/b.txt" }.ToJsonString());
        p.StandardInput.WriteLine("{\"type\":\"DONE\"}");
        p.StandardInput.Flush();
        while (Next() is not null) { }
        Assert.True(p.WaitForExit(30_000));
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("second", File.ReadAllText(s.Path_("out/sub/b.txt")));
        var types = lines.Select(Type).ToList();
        Assert.Equal(2, types.Count(static t => t == "STOP"));
        Assert.Equal("DONE", types[^1]);
        // the stand-in logs what it read on its management port: asession's frames in ascp's field names
        var commands = File.ReadAllLines(s.LogPath + ".commands").Select(static l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["START", "START", "DONE"], commands.Select(static c => c["Type"]!.ToString()));
        Assert.Equal(a, commands[0]["Source"]!.ToString());
        Assert.Equal("sub/b.txt", commands[1]["Destination"]!.ToString());
        Assert.Contains("--keepalive", s.Runs().Single()["argv"]!.AsArray().Select(static x => x!.ToString()));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public void SignalStopsEveryAscpAndExitsNonZero(string signal)
    {
        using var s = new StandIn();
        using var p = Start(s, Upload(s), ("ASCP_STANDIN_STALL", "60"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (s.Runs().Count == 0 && DateTime.UtcNow < deadline) Thread.Sleep(100);
        int ascp = (int)s.Runs().Single()["pid"]!;
        Thread.Sleep(500);
        using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        var watch = Stopwatch.StartNew();
        Assert.True(p.WaitForExit(5_000), "asession did not stop");
        Assert.NotEqual(0, p.ExitCode);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 5);
        Assert.False(Directory.Exists($"/proc/{ascp}") && !File.ReadAllText($"/proc/{ascp}/stat").Contains(") Z ", StringComparison.Ordinal), "ascp still running");
    }
}
