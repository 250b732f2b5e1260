// Faspex 5 post-processing receiver (ascli's Faspex4PostProcServlet): the webhooks Faspex POSTs to
// <url>/<script name> run <script_folder>/<script name> with the JSON body's keys as environment variables.
// docs/products/faspex5.md §5.9.
using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Logging;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Faspex5.Servers;

/// <summary>The <c>processing</c> settings: the URL path served, where scripts are, whether a failing script is an error, how long they may run.</summary>
public sealed record PostProcessingSettings(string Root, string ScriptFolder, bool FailOnError, double TimeoutSeconds)
{
    private static readonly string[] Allowed = ["root", "script_folder", "fail_on_error", "timeout_seconds"];

    /// <summary>The settings of the <c>processing</c> Hash (its keys as ascli allows them), below the URL path <paramref name="root"/>.</summary>
    public static PostProcessingSettings From(JsonNode? processing, string root)
    {
        var p = processing as JsonObject ?? (processing is null ? [] : throw CliException.Assertion($"expecting Hash, but have {RubyInspect.Inspect(processing)}"));
        if (p.Any(kv => !Allowed.Contains(kv.Key))) throw CliException.Runtime("unexpected key in parameters config: only: root, script_folder, fail_on_error, timeout_seconds");
        string folder = p["script_folder"] is { } f ? RubyToS.Of(f) : ".";
        bool fail = p["fail_on_error"] is JsonValue b && b.GetValueKind() == JsonValueKind.True;
        double timeout = p["timeout_seconds"] is JsonValue t && t.TryGetValue(out double seconds) ? seconds : 60;
        return new PostProcessingSettings(root, folder, fail, timeout);
    }
}

/// <summary>Runs the script a webhook names and answers with its outcome.</summary>
public sealed class PostProcessing(PostProcessingSettings settings, AppLog log)
{
    public async Task<WebAnswer> HandleAsync(WebRequest request, CancellationToken cancel)
    {
        if (!request.Path.StartsWith(settings.Root, StringComparison.Ordinal))
            return WebAnswer.Of(400, new JsonObject { ["status"] = "error", ["message"] = "Request outside domain" });
        if (request.Body is null)
            return WebAnswer.Of(400, new JsonObject { ["status"] = "error", ["message"] = "Empty request" });
        string script = JoinPath(settings.ScriptFolder, request.Path[settings.Root.Length..]);
        try
        {
            var environment = JsonNode.Parse(request.Body) as JsonObject ?? throw new FormatException("webhook payload is not a JSON object");
            var start = new ProcessStartInfo(script) { UseShellExecute = false };
            foreach (var (key, value) in environment) start.Environment[key] = value is null ? "" : RubyToS.Of(value);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("no pid");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
                log.Error($"Killed process: {process.Id}");
                throw new TimeoutException("execution expired");
            }
            if (process.ExitCode != 0 && settings.FailOnError) throw new InvalidOperationException($"script {script} failed with code {process.ExitCode}");
            return WebAnswer.Of(200, new JsonObject { ["status"] = "success", ["script"] = script, ["exit_code"] = process.ExitCode });
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or TimeoutException or JsonException or FormatException)
        {
            string message = e is Win32Exception ? $"No such file or directory - {script}" : e.Message;
            log.Error($"Script failed: {message}");
            return WebAnswer.Of(500, new JsonObject { ["status"] = "error", ["script"] = script, ["message"] = message });
        }
    }

    // Ruby's File.join: one separator between the parts
    private static string JoinPath(string folder, string file) => file.Length == 0 ? folder : folder.TrimEnd('/') + "/" + file.TrimStart('/');
}
