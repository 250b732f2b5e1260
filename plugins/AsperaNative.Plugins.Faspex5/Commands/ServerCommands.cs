// Faspex 5 local servers: the Faspex 4 API gateway (in front of {url}/api/v5) and the post-processing receiver
// of Faspex webhooks (no Faspex connection). Both run until SIGINT, SIGTERM or SIGHUP. docs/products/faspex5.md §5.8-5.9.
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Plugins.Faspex5.Servers;

namespace AsperaNative.Plugins.Faspex5.Commands;

/// <summary>Local servers</summary>
[CommandGroup("faspex5")]
internal sealed class ServerCommands(Faspex5Plugin plugin)
{
    /// <summary>Start a Faspex 4 API gateway to Faspex 5</summary>
    [Command("gateway")]
    public async Task<Result> Gateway([Argument("listening url (e.g. https://localhost:12345)", Name = "url")] string url)
    {
        var api = await plugin.ApiAsync();
        var uri = ParseUrl(url);
        var log = CoreServices.Log(plugin.Context);
        using var server = new LocalWebServer(uri, null, new Faspex4Gateway(api, log).HandleAsync);
        await ServeAsync(server);
        return Result.Status("Gateway terminated");
    }

    /// <summary>Start a post-processing web hook receiver</summary>
    [Command("postprocessing")]
    public async Task<Result> PostProcessing([Argument("parameters for postprocessing", Name = "params")] JsonObject parameters)
    {
        if (parameters["url"] is not { } urlNode) throw CliException.Assertion("Missing key: url");
        var uri = ParseUrl(RubyToS.Of(urlNode));
        var settings = PostProcessingSettings.From(parameters["processing"], uri.AbsolutePath);
        var certificate = uri.Scheme == "https" ? LocalWebServer.FromParameters(parameters["certificate"]) : null;
        var log = CoreServices.Log(plugin.Context);
        using var server = new LocalWebServer(uri, certificate, new Servers.PostProcessing(settings, log).HandleAsync);
        await ServeAsync(server);
        return Result.Status("Gateway terminated");
    }

    private static Uri ParseUrl(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
            : throw CliException.Other("URI::InvalidURIError", $"bad URI (is not URI?): {RubyInspect.Inspect(JsonValue.Create(url))}");

    private async Task ServeAsync(LocalWebServer server)
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        server.Start();
        CoreServices.Log(plugin.Context).Info($"Listening on {server.Url}");
        await server.RunAsync(stop.Token);
    }
}
