using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.NodeApi.Api;
using AsperaNative.Rest;

namespace AsperaNative.Plugins.Node.Commands;

/// <summary><c>node basic_token|bearer_token|asperabrowser</c>: credentials in the forms other tools take</summary>
[CommandGroup("node")]
internal sealed class TokenCommands(NodePlugin plugin, GlobalOptions global)
{
    /// <summary>Print HTTP Basic authorization value</summary>
    [Command("basic_token")]
    public Result BasicToken()
    {
        string username = plugin.Auth.RequiredUsername, password = plugin.Auth.RequiredPassword;
        return Result.Status(StaticAuthorization.Basic(username, password).Value);
    }

    /// <summary>Generate a bearer token for an access key (--username)</summary>
    [Command("bearer_token")]
    public Result BearerTokenCommand([Argument("private RSA key PEM value", Name = "private_key_pem")] string pem, [Argument("user and group identification", Name = "payload")] JsonObject payload)
    {
        using var rsa = RSA.Create();
        try { rsa.ImportFromPem(pem); }
        catch (ArgumentException) { throw CliException.Other("OpenSSL::PKey::RSAError", "Neither PUB key nor PRIV key"); }
        return Result.Text(BearerToken.Create(plugin.Auth.RequiredUsername, payload, rsa));
    }

    /// <summary>Open the web browser UI for this node</summary>
    [Command("asperabrowser")]
    public Result AsperaBrowser()
    {
        var parameters = new JsonObject
        {
            ["nodeUser"] = plugin.Auth.Username,
            ["nodePW"] = plugin.Auth.Password,
            ["nodeURL"] = plugin.Auth.Url,
        };
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.UTF8.GetBytes(RestJson.Generate(parameters)));
        // url-safe base64 without padding, reversed: the form the web UI decodes
        var encoded = Convert.ToBase64String(buffer.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_').ToCharArray();
        Array.Reverse(encoded);
        var uri = new Uri(plugin.Node.AsperaBrowserUrl + "?goto=" + new string(encoded));
        AsperaNative.Auth.Browser.Open(uri, global.Ui, plugin.Context.Terminal.Out);
        return Result.Status("done");
    }
}
