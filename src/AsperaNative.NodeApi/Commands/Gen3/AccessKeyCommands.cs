using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.NodeApi.Commands.Gen3;

/// <summary>Access key management</summary>
[CommandGroup("gen3 access_keys")]
internal sealed class AccessKeyCommands(Gen3Node node)
{
    /// <summary>Set public key used to validate bearer tokens (id may be: self)</summary>
    [Command("set_bearer_key")]
    public async Task<Result> SetBearerKey([Argument("access key id", Name = "id")] string id, [Argument("public or private RSA key PEM value", Name = "rsa_key_pem")] string pem)
    {
        if (id == "self") id = (await node.Api.ReadAsync("access_keys/self"))?["id"]?.ToString() ?? id;
        using var rsa = RSA.Create();
        try { rsa.ImportFromPem(pem); }
        catch (ArgumentException) { throw CliException.Other("OpenSSL::PKey::PKeyError", "Could not parse PKey: unsupported"); }
        // a private key is accepted: only its public part is sent
        string publicPem = rsa.ExportSubjectPublicKeyInfoPem() + "\n";
        await node.Api.UpdateAsync($"access_keys/{id}", new JsonObject { ["token_verification_key"] = publicPem });
        return Result.Status("public key updated");
    }
}
