using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;

namespace AsperaNative.Output.Images;

/// <summary>
/// The <c>--image</c> option hash: <c>reserve</c> (lines kept for other text), <c>text</c> (coloured characters
/// even where the terminal shows pictures), <c>double</c> (two pixel rows per character) and <c>font_ratio</c>
/// (character cell height / width)
/// </summary>
public sealed record ImageOptions
{
    /// <summary>ascli's guess of a terminal font: 32 high, 14 wide</summary>
    public const double DefaultFontRatio = 32.0 / 14.0;

    /// <summary>Lines reserved to display a status</summary>
    public int Reserve { get; init; } = 3;

    /// <summary>Display text instead of image</summary>
    public bool Text { get; init; }

    /// <summary>Display double text resolution (half characters)</summary>
    public bool Double { get; init; } = true;

    /// <summary>Font height/width ratio in terminal</summary>
    public double FontRatio { get; init; } = DefaultFontRatio;

    /// <summary>The options of the <c>--image</c> hash (null: defaults); an unknown key is Ruby's keyword error</summary>
    public static ImageOptions From(JsonObject? hash)
    {
        var options = new ImageOptions();
        if (hash is null) return options;
        foreach (var (key, value) in hash)
        {
            options = key switch
            {
                "reserve" => options with { Reserve = (int)Number(key, value) },
                "text" => options with { Text = Bool(key, value) },
                "double" => options with { Double = Bool(key, value) },
                "font_ratio" => options with { FontRatio = Number(key, value) },
                _ => throw CliException.Other("ArgumentError", $"unknown keyword: :{key}"),
            };
        }
        if (options.FontRatio <= 0) throw CliException.BadArgument("image: font_ratio: expecting a positive number");
        return options;
    }

    private static bool Bool(string key, JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null or null => false,
        JsonValueKind.String when JsonScalar.GetText(value) is "yes" or "true" => true,
        JsonValueKind.String when JsonScalar.GetText(value) is "no" or "false" => false,
        _ => throw CliException.BadArgument($"image: {key}: expecting Bool"),
    };

    private static double Number(string key, JsonNode? value)
    {
        if (value is JsonValue v)
        {
            if (v.TryGetValue(out double d0)) return d0;
            if (v.TryGetValue(out long l)) return l;
            if (v.TryGetValue(out int i)) return i;
            if (JsonScalar.TryGetText(v, out string? s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
        }
        throw CliException.BadArgument($"image: {key}: expecting a number");
    }
}
