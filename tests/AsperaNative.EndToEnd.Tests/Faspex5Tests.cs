using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AsperaNative.Emulators.Faspex5;

namespace AsperaNative.EndToEnd.Tests;

/// <summary>
/// The binary's faspex5 plugin against the Faspex 5 emulator: boot authentication and a package list, a public
/// link, and the post-processing receiver answering a webhook by running a script until terminated.
/// </summary>
public sealed class Faspex5Tests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("f5-e2e-").FullName;
    private readonly Ascli _ascli = new();
    private Faspex5Emulator _f5 = null!;

    public async Task InitializeAsync() => _f5 = await Faspex5Emulator.StartAsync(Path.Combine(_work, "storage"), s =>
    {
        s.AddUser("alice@example.com", admin: true);
        s.AddPackage("alice@example.com", "Report", ["alice@example.com"], new Dictionary<string, string> { ["a.txt"] = "alpha" }, id: "pk1XyZ");
    });

    public async Task DisposeAsync()
    {
        await _f5.DisposeAsync();
        _ascli.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public void Boot_token_lists_the_inbox_and_a_public_link_shows_its_package()
    {
        var list = _ascli.Exec("faspex5", $"--url={_f5.Url}", "--insecure=yes", "--auth=boot", $"--password={_f5.BootToken("alice@example.com")}",
            "packages", "list", "--format=csv", "--fields=id,title");
        Assert.True(list.Exit == 0, list.Err);
        Assert.Equal("pk1XyZ,Report", list.Out.Trim());
        var show = _ascli.Exec("faspex5", $"--url={_f5.PublicPackageLink("pk1XyZ")}", "--insecure=yes", "packages", "show", "--format=json");
        Assert.True(show.Exit == 0, show.Err);
        Assert.Contains("\"title\":\"Report\"", show.Out);
        var selector = _ascli.Exec("faspex5", $"--url={_f5.Url}", "--insecure=yes", "--auth=boot", "--password=x", "packages", "show", "%name:x");
        Assert.Equal("ERROR: Argument: Percent syntax for identifier not supported in this context", selector.FirstError);
    }

    [Fact]
    public async Task Postprocessing_answers_a_webhook_with_the_script_result_until_interrupted()
    {
        string scripts = Path.Combine(_work, "scripts"), output = Path.Combine(_work, "hook.out");
        Directory.CreateDirectory(scripts);
        string script = Path.Combine(scripts, "hook.sh");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\necho \"$faspex_pkg_name\" > '{output}'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        int port = FreePort();
        using var server = _ascli.Start(["faspex5", "postprocessing", $"@json:{{\"url\":\"http://127.0.0.1:{port}/processing\",\"processing\":{{\"script_folder\":\"{scripts}\"}}}}"]);
        var stdout = server.StandardOutput.ReadToEndAsync();
        var stderr = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient();
            HttpResponseMessage? answer = null;
            for (int i = 0; i < 100 && answer is null; i++)
            {
                try
                {
                    answer = await http.PostAsync($"http://127.0.0.1:{port}/processing/hook.sh", new StringContent("{\"faspex_pkg_name\":\"Report\"}", Encoding.UTF8, "application/json"));
                }
                catch (HttpRequestException)
                {
                    if (server.HasExited) Assert.Fail(await stderr);
                    await Task.Delay(200);
                }
            }
            Assert.NotNull(answer);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal($"{{\"status\":\"success\",\"script\":\"{script}\",\"exit_code\":0}}", await answer.Content.ReadAsStringAsync());
            Assert.Equal("Report\n", await File.ReadAllTextAsync(output));
            var get = await http.GetAsync($"http://127.0.0.1:{port}/processing/hook.sh");
            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        }
        finally
        {
            using var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(20)), "postprocessing did not stop on SIGTERM");
        Assert.Equal(0, server.ExitCode);
        Assert.Equal("Gateway terminated", (await stdout).Trim());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
