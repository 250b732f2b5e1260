using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Pac;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config proxy_check</c>: what the <c>--fpac</c> script answers for a URL.</summary>
[CommandGroup("config")]
internal sealed class ProxyCheckCommands
{
    /// <summary>Display the proxy auto-config answer for a URL</summary>
    [Command("proxy_check")]
    public static Result ProxyCheck(CommandContext context, [Argument("server url", Name = "url")] string url)
    {
        string script = context.Plugin.Options.GetMandatoryString("fpac");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw CliException.Other("URI::InvalidURIError", $"bad URI (is not URI?): {url}");
        return Result.Text(new PacScript(script).FindProxyForUrl(uri) ?? "");
    }
}
