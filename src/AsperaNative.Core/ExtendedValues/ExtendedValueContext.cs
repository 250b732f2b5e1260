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

    /// <summary>The folder relative paths are taken from (<c>@file:</c>, <c>@path:</c>, <c>@uri:</c>); null for the process's current folder.</summary>
    public string? CurrentFolder { get; set; }

    /// <summary>Reads a whole preset or a dotted sub-key of it (<c>@preset:name.key</c>); null when there is no config.</summary>
    public Func<string, JsonNode?>? PresetLookup { get; set; }

    /// <summary>Reads a vault entry field (<c>@vault:label.field</c>).</summary>
    public Func<string, JsonNode?>? VaultLookup { get; set; }

    /// <summary>Reads a line without echo for <c>@secret:</c> (the prompt is already shown); when null, a line of <see cref="Terminal"/>'s input.</summary>
    public Func<string>? SecretReader { get; set; }

    /// <summary>A <see cref="SecretReader"/> for the real console: keys are read without echo until Enter.</summary>
    public static string ReadConsoleSecret()
    {
        var sb = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (sb.Length > 0) sb.Length--; continue; }
            sb.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return sb.ToString();
    }

    /// <summary>Reads an http(s) URL for <c>@uri:</c> through the REST stack: a JSON body as data, other bodies as text.</summary>
    public Func<Uri, JsonNode?>? HttpReader { get; set; }
}
