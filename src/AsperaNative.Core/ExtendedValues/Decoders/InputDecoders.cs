using System.Text.RegularExpressions;
using AsperaNative.Core.Errors;

namespace AsperaNative.Core.ExtendedValues.Decoders;

/// <summary>Decoders reading from outside the command line: <c>@file: @uri: @stdin: @stdbin: @secret:</c>.</summary>
internal static partial class InputDecoders
{
    public static IEnumerable<Decoder> All =>
    [
        new("file", static (v, c) => DecodedValue.FromBytes(RubyFile.ReadBytes(RubyFile.ExpandPath(v.AsText(), c)))),
        new("uri", static (v, c) => ReadUri(v.AsText(), c)),
        new("stdin", static (v, c) => { TextDecoders.NoValue(v, "stdin"); return DecodedValue.FromText(c.Terminal.In.ReadToEnd()); }),
        new("stdbin", static (v, c) => { TextDecoders.NoValue(v, "stdbin"); return DecodedValue.FromBytes(ReadAll(c.Terminal.OpenBinaryInput())); }),
        new("secret", static (v, c) => DecodedValue.FromText(ReadSecret(v.AsText(), c))),
    ];

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Asks for a secret on the terminal without echo; the prompt is the text, or <c>secret</c>.</summary>
    private static string ReadSecret(string prompt, ExtendedValueContext context)
    {
        if (!context.Terminal.InputIsTerminal)
            throw CliException.Other("Errno::ENOTTY", "Inappropriate ioctl for device (@secret: needs an interactive terminal)");
        context.Terminal.Err.Write((prompt.Length == 0 ? "secret" : prompt) + "> ");
        context.Terminal.Err.Flush();
        return context.SecretReader?.Invoke() ?? context.Terminal.In.ReadLine() ?? "";
    }

    /// <summary><c>file:</c> URLs and plain paths are read locally (<c>file:/~/x</c> and <c>file:/./x</c> are relative); http(s) through the REST stack.</summary>
    private static DecodedValue ReadUri(string text, ExtendedValueContext context)
    {
        var m = SchemePrefix().Match(text);
        string? scheme = m.Success ? m.Groups[1].Value.ToLowerInvariant() : null;
        switch (scheme)
        {
            case "http" or "https":
                if (context.HttpReader is null)
                    throw CliException.Tool($"@uri: cannot read {text}: no HTTP client is available here");
                return DecodedValue.FromNode(context.HttpReader(new Uri(text)));
            case null or "file":
                string? path = scheme is null ? text : FilePath(m.Groups[2].Value);
                if (path is null) throw CliException.Runtime("URL shall have a path, check syntax");
                if (RelativeMarker().IsMatch(path)) path = RubyFile.ExpandPath(path[1..], context);
                return DecodedValue.FromBytes(RubyFile.ReadBytes(RubyFile.ExpandPath(path, context)));
            default:
                throw CliException.Runtime($"unknown scheme: [{m.Groups[1].Value}] for [{text}]");
        }
    }

    /// <summary>The path of a <c>file:</c> URL: after the authority of <c>file://host/p</c>, as is for <c>file:/p</c>, none for <c>file:p</c>.</summary>
    private static string? FilePath(string afterScheme)
    {
        if (afterScheme.StartsWith("//", StringComparison.Ordinal))
        {
            int slash = afterScheme.IndexOf('/', 2);
            return slash < 0 ? null : Uri.UnescapeDataString(afterScheme[slash..]);
        }
        return afterScheme.StartsWith('/') ? Uri.UnescapeDataString(afterScheme) : null;
    }

    [GeneratedRegex(@"\A([A-Za-z][A-Za-z0-9+.-]*):(.*)\z", RegexOptions.Singleline)]
    private static partial Regex SchemePrefix();

    // as ascli's UriReader: one or two characters (~, ., ..) between the first two slashes
    [GeneratedRegex(@"^/(~|.|..)/")]
    private static partial Regex RelativeMarker();
}
