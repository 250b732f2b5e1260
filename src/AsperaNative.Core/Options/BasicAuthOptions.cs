using AsperaNative.Core.Attributes;

namespace AsperaNative.Core.Options;

/// <summary>
/// The application's address and user credentials, shared by every plugin that logs in with them
/// (ascli's BasicAuthPlugin): node, server, shares, faspex, console, orchestrator, faspio, aoc…
/// Whether one is mandatory depends on the use (ascli's <c>get_option(…, mandatory: true)</c>): the
/// <c>Required…</c> forms fail with <c>Missing mandatory option: url</c> (or ask, when interactive).
/// </summary>
[OptionSet]
public sealed partial class BasicAuthOptions
{
    /// <summary>URL of application, e.g. https://faspex.example.com/aspera/faspex</summary>
    [Option("url")] public partial string? Url { get; }
    /// <summary>User's name to log in</summary>
    [Option("username")] public partial string? Username { get; }
    /// <summary>User's password</summary>
    [Option("password", Sensitive = true)] public partial string? Password { get; }

    public string RequiredUrl => _store.GetMandatoryString("url");
    public string RequiredUsername => _store.GetMandatoryString("username");
    public string RequiredPassword => _store.GetMandatoryString("password");
}
