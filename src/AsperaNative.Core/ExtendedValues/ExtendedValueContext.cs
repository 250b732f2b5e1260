using System.Text.Json.Nodes;

namespace AsperaNative.Core.ExtendedValues;

/// <summary>
/// What the decoders may read besides their text: the terminal (<c>@stdin:</c>, <c>@secret:</c>),
/// the home folder (<c>~/</c>), and lookups provided by other layers (presets, vault, URLs).
/// One per process; lookups are filled in by the composition root as those layers come up.
/// </summary>
public sealed class ExtendedValueContext(Terminal.Terminal terminal, string homeFolder)
{
    public Terminal.Terminal Terminal { get; } = terminal;

    /// <summary>The user's home folder, for <c>~/</c> expansion.</summary>
    public string HomeFolder { get; } = homeFolder;

    /// <summary>Reads a whole preset or a dotted sub-key of it (<c>@preset:name.key</c>); null when there is no config.</summary>
    public Func<string, JsonNode?>? PresetLookup { get; set; }

    /// <summary>Reads a vault entry field (<c>@vault:label.field</c>).</summary>
    public Func<string, JsonNode?>? VaultLookup { get; set; }

    /// <summary>Reads an http(s) URL for <c>@uri:</c> through the REST stack; returns the body text.</summary>
    public Func<Uri, string>? HttpReader { get; set; }
}
