using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Aoc.Api;

/// <summary>
/// <c>aoc gateway &lt;url&gt;</c>: a Faspex 4 API gateway to AoC (ascli's <c>Faspex4GWServlet</c>). It serves
/// <c>POST /aspera/faspex/send</c> (a Faspex 4 delivery: title, note, recipients) by creating the package in the
/// workspace and answering its upload spec as the Faspex 4 <c>xfer_sessions</c>; other paths get a 400. Runs until
/// the process is interrupted (SIGINT, SIGHUP, SIGTERM).
/// </summary>
public sealed class FaspexGateway(AocConnection aoc, AocOptions options, AocWorkspace workspace, bool standardPorts)
{
    public const string SendPath = "/aspera/faspex/send";

    public async Task RunAsync(Uri url, CancellationToken cancel)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add($"{url.Scheme}://{(url.Host == "0.0.0.0" ? "+" : url.Host)}:{url.Port}/");
        listener.Start();
        using var registration = cancel.Register(listener.Stop);
        while (!cancel.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && cancel.IsCancellationRequested) { break; }
            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var (status, body) = await HandleAsync(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "/", context.Request.InputStream);
        byte[] bytes = Encoding.UTF8.GetBytes(RestJson.Generate(body));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>The answer to one request (status and JSON body).</summary>
    public async Task<(int Status, JsonNode Body)> HandleAsync(string method, string path, Stream body)
    {
        if (method != "POST" || path != SendPath) return (400, new JsonObject { ["error"] = "Unsupported endpoint" });
        try
        {
            using var reader = new StreamReader(body, Encoding.UTF8);
            string text = await reader.ReadToEndAsync();
            if (text.Length == 0) throw new InvalidOperationException("no payload");
            var delivery = (JsonNode.Parse(text) as JsonObject)?["delivery"] as JsonObject ?? [];
            var package = new JsonObject
            {
                ["name"] = delivery["title"]?.DeepClone(),
                ["note"] = delivery["note"]?.DeepClone(),
                ["recipients"] = delivery["recipients"]?.DeepClone(),
                ["workspace_id"] = workspace.Id,
            };
            var api = await aoc.ApiAsync();
            var created = await new PackageSender(aoc, options).CreateAsync(api, workspace, package, validate: true, newUser: null);
            var spec = await PackageSender.UploadSpecAsync(aoc, api, created, standardPorts);
            return (200, new JsonObject { ["links"] = new JsonObject { ["status"] = "unused" }, ["xfer_sessions"] = new JsonArray(spec) });
        }
        catch (Exception e) when (e is Core.Errors.CliException or InvalidOperationException or System.Text.Json.JsonException)
        {
            aoc.Rest.Log.Error(e.Message);
            return (500, new JsonObject { ["error"] = e.Message, ["stacktrace"] = new JsonArray() });
        }
    }
}
