using System.Text.Json.Nodes;

namespace AsperaNative.Core.Commands;

/// <summary>What a plugin recognised at an address: its product's base URL (redirections taken) and version.</summary>
public sealed record DetectedApplication(string Url, string Version);

/// <summary>
/// A plugin that recognises its product at an address (<c>config detect</c>, <c>config wizard</c>). The generator
/// marks the plugin's descriptor (<see cref="PluginDescriptor.CanDetect"/>); the config plugin builds the plugin and
/// asks it. Nothing else of the plugin is used: the plugin's options may not even be declared.
/// </summary>
public interface IApplicationDetector
{
    /// <summary>The product's name as ascli shows it ("HSTS Node API").</summary>
    string ApplicationName { get; }

    /// <summary>
    /// Probes <paramref name="addressOrUrl"/> (a URL, or a bare host name the plugin completes as its product
    /// does): null when something else answers; an exception when nothing answers (the caller goes on).
    /// </summary>
    Task<DetectedApplication?> DetectAsync(string addressOrUrl, CancellationToken cancel = default);
}

/// <summary>
/// What <c>config wizard</c> hands the plugin: the detected URL (already set as <c>--url</c>) and, when the plugin
/// asked for one, the private key (also set as <c>--private-key</c>) and its public key.
/// </summary>
public sealed record WizardRequest(string Url, string? PrivateKeyPath = null, string? PublicKeyPem = null);

/// <summary>The preset a wizard builds and the command line (after the plugin name) that tests it.</summary>
public sealed record WizardPreset(JsonObject Values, string TestArguments)
{
    /// <summary>The preset of the products with HTTP Basic authentication: <c>url</c>, <c>username</c>, <c>password</c> (asked or required in this order).</summary>
    public static WizardPreset Basic(Options.BasicAuthOptions auth, string testArguments) => new(new JsonObject
    {
        ["url"] = auth.RequiredUrl,
        ["username"] = auth.RequiredUsername,
        ["password"] = auth.RequiredPassword,
    }, testArguments);
}

/// <summary>
/// A plugin with a wizard: it builds the option preset of its product from the options of the command line
/// (prompted when missing and interactive). The config plugin names the preset, stores it and sets it as default.
/// </summary>
public interface IApplicationWizard
{
    /// <summary>Whether the wizard needs a private key (JWT): config then takes <c>--key-path</c> or generates one.</summary>
    Task<bool> RequiresPrivateKeyAsync(string url, CancellationToken cancel = default) => Task.FromResult(false);

    Task<WizardPreset> WizardAsync(WizardRequest request, CancellationToken cancel = default);
}
