using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Output.Images;
using AsperaNative.Output.Text;

namespace AsperaNative.Output;

public sealed partial class ResultFormatter
{
    /// <summary>The <c>--image</c> options and URL reader of <c>--format=image</c></summary>
    public ImageSettings Images { get; init; } = new();

    /// <summary>
    /// The image format: the result (a string, or the single selected field of a single object) is an http(s) URL
    /// of a picture, read through <see cref="ImageSettings.UrlReader"/>, or the picture's bytes themselves
    /// </summary>
    private void DisplayImage(ResultKind kind, JsonNode? data, IReadOnlyList<string>? defaults)
    {
        if (kind is ResultKind.SingleObject or ResultKind.ObjectList)
        {
            var list = kind == ResultKind.SingleObject ? [data as JsonObject] : (data as JsonArray)?.Select(static i => i as JsonObject).ToList() ?? [];
            if (list.Count != 1) throw CliException.BadArgument("image display requires a single result");
            var row = list[0] ?? [];
            var fields = Fields.FieldSelector.Compute(_settings.Fields,
                () => [.. row.Select(static p => p.Key)], () => defaults ?? [.. row.Select(static p => p.Key)]);
            if (fields.Count != 1) throw CliException.BadArgument("select a single field to display");
            if (!row.ContainsKey(fields[0])) throw CliException.BadArgument("no such field");
            data = row[fields[0]];
        }
        if (data is not JsonValue v || !JsonScalar.TryGetText(v, out string? value))
            throw CliException.Assertion($"URL or blob for image: expecting String, but have {RubyInspect.Inspect(data)}");
        RubyText.PutsString(_data, Images.Build(ReadImage(value)));
    }

    /// <summary>The picture of a URL, or the string's own bytes (binary strings carry one byte per character)</summary>
    private byte[] ReadImage(string urlOrBlob)
    {
        if (!urlOrBlob.StartsWith("http://", StringComparison.Ordinal) && !urlOrBlob.StartsWith("https://", StringComparison.Ordinal))
            return Encoding.Latin1.GetBytes(urlOrBlob);
        var reader = Images.UrlReader ?? throw CliException.Tool($"format image: cannot read {urlOrBlob}: no URL reader in this context");
        return reader(urlOrBlob);
    }
}
