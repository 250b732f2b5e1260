// Stand-in of asperatransferd: `asperatransferd --config <file>` with the daemon's JSON configuration (address,
// port, fasp_runtime.user_defined.bin: the folder of ascp). Serves transferd.api.TransferService over cleartext
// HTTP/2 and logs "Info: API Server: Listening on HOST:PORT " to stdout as the daemon does (port 0: the port
// chosen). SIGINT/SIGTERM stop it, and its transfers (their ascp) with it.
using System.Net;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Transferd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

if (args is ["version"])
{
    Console.WriteLine("asperatransferd version 1.1.6 (stand-in)");
    return 0;
}
int at = Array.IndexOf(args, "--config");
if (at < 0 || at + 1 >= args.Length)
{
    Console.Error.WriteLine("usage: asperatransferd --config <file>");
    return 2;
}
var config = JsonNode.Parse(File.ReadAllText(args[at + 1]))!;
string address = config["address"]?.ToString() ?? "127.0.0.1";
int port = (int?)config["port"] ?? 55002;
string bin = config["fasp_runtime"]?["user_defined"]?["bin"]?.ToString() ?? throw new InvalidOperationException("no fasp_runtime bin");
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(address), port, l => l.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc();
builder.Services.AddSingleton(new Transfers(bin));
var app = builder.Build();
app.MapGrpcService<TransferServiceImpl>();
await app.StartAsync();
var chosen = new Uri(app.Urls.First());
Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} Info: API Server: Listening on {address}:{chosen.Port} (grpc, stand-in)");
Console.Out.Flush();
app.Lifetime.ApplicationStopping.Register(() => app.Services.GetRequiredService<Transfers>().StopAll());
await app.WaitForShutdownAsync();
await app.Services.GetRequiredService<Transfers>().DrainAsync();
Console.WriteLine("Info: API Server: stopped");
return 0;
