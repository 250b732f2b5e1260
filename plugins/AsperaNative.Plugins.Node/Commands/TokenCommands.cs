using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary><c>node basic_token|bearer_token|asperabrowser</c>: credentials in the forms other tools take</summary>
[CommandGroup("node")]
internal sealed class TokenCommands(NodePlugin plugin)
{
    /// <summary>Print HTTP Basic authorization value</summary>
    [Command("basic_token")]
    public Result BasicToken()
    {
        string password = plugin.Options.Password!;
        return Result.Status(StaticAuthorization.Basic(plugin.Options.Username!, password).Value);
    }

    /// <summary>Generate a bearer token for an access key (--username)</summary>
    [Command("bearer_token")]
    public Result BearerTokenCommand(CommandContext c)
    {
        string pem = c.Args.NextString("private RSA key PEM value");
        var payload = c.Args.NextValue("user and group identification (Hash)") as JsonObject
            ?? throw CliException.BadArgument("user and group identification: expecting Hash");
        using var rsa = RSA.Create();
        try { rsa.ImportFromPem(pem); }
        catch (ArgumentException) { throw CliException.Other("OpenSSL::PKey::RSAError", "Neither PUB key nor PRIV key"); }
        return Result.Text(BearerToken.Create(plugin.Options.Username!, payload, rsa));
    }

    /// <summary>Open the web browser UI for this node</summary>
    [Command("asperabrowser")]
    public Result AsperaBrowser()
    {
        var parameters = new JsonObject
        {
            ["nodeUser"] = plugin.Options.Username,
            ["nodePW"] = plugin.Options.Password,
            ["nodeURL"] = plugin.Options.Url,
        };
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.UTF8.GetBytes(RestJson.Generate(parameters)));
        // url-safe base64 without padding, reversed: the form the web UI decodes
        var encoded = Convert.ToBase64String(buffer.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_').ToCharArray();
        Array.Reverse(encoded);
        var uri = new Uri(plugin.Options.AsperaBrowserUrl + "?goto=" + new string(encoded));
        Auth.Browser.Open(uri, plugin.Global.Ui, plugin.Context.Terminal.Out);
        return Result.Status("done");
    }
}
