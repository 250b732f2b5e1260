using System.Text.Json.Nodes;

namespace AsperaNative.Output.Images;

/// <summary>What <c>--format=image</c> needs beside the result: the options and a way to read URLs</summary>
public sealed record ImageSettings
{
    /// <summary>The <c>--image</c> option hash (null: defaults)</summary>
    public JsonObject? Options { get; init; }

    /// <summary>Reads the picture of an http(s) URL (the executable's REST stack); null: URLs cannot be shown</summary>
    public Func<string, byte[]>? UrlReader { get; init; }

    /// <summary>The terminal to fit in; null: the console's size</summary>
    public TerminalSize? Terminal { get; init; }

    /// <summary>Whether the terminal shows pictures itself; null: known from the environment</summary>
    public bool? InlineImages { get; init; }

    /// <summary>The drawing of a picture with these settings</summary>
    public string Build(byte[] blob) => TerminalImage.Build(blob, ImageOptions.From(Options), Terminal ?? TerminalSize.Current(),
        InlineImages ?? TerminalImage.InlineImagesSupported(Environment.GetEnvironmentVariable));
}
