using System.Text.Json.Nodes;

namespace AsperaNative.Plugins.Preview.Generation;

/// <summary>How previews are made (the generator's options of <c>ascli preview</c>, with ascli's defaults).</summary>
public sealed record GeneratorSettings
{
    public long MaxSize { get; init; } = 1 << 24;
    public string ThumbVidScale { get; init; } = "-1:'min(ih,100)'";
    public double ThumbVidFraction { get; init; } = 0.1;
    public long ThumbImgSize { get; init; } = 800;
    public string ThumbTextFont { get; init; } = "Courier";
    /// <summary>mp4 of a video: reencode, blend or clips.</summary>
    public string VideoConversion { get; init; } = "reencode";
    /// <summary>png of a video: fixed (one frame) or animated.</summary>
    public string VideoPngConv { get; init; } = "fixed";
    public string VideoScale { get; init; } = "'min(iw,360)':-2";
    public long VideoStartSec { get; init; } = 10;
    /// <summary>ffmpeg's <c>in</c> and <c>out</c> arguments replacing those of reencode.</summary>
    public JsonObject ReencodeFfmpeg { get; init; } = [];
    public long BlendKeyframes { get; init; } = 30;
    public long BlendPauseframes { get; init; } = 3;
    public long BlendTransframes { get; init; } = 5;
    public long BlendFps { get; init; } = 15;
    public long ClipsCount { get; init; } = 5;
    public long ClipsLength { get; init; } = 5;
    /// <summary>Detect the type from the content when the node's mime type says nothing.</summary>
    public bool Mimemagic { get; init; }

    public static GeneratorSettings From(PreviewOptions o) => new()
    {
        MaxSize = o.MaxSize ?? 1 << 24,
        ThumbVidScale = o.ThumbVidScale ?? "-1:'min(ih,100)'",
        ThumbVidFraction = o.ThumbVidFraction ?? 0.1,
        ThumbImgSize = o.ThumbImgSize ?? 800,
        ThumbTextFont = o.ThumbTextFont ?? "Courier",
        VideoConversion = o.VideoConversion ?? "reencode",
        VideoPngConv = o.VideoPngConv ?? "fixed",
        VideoScale = o.VideoScale ?? "'min(iw,360)':-2",
        VideoStartSec = o.VideoStartSec ?? 10,
        ReencodeFfmpeg = o.ReencodeFfmpeg ?? [],
        BlendKeyframes = o.BlendKeyframes ?? 30,
        BlendPauseframes = o.BlendPauseframes ?? 3,
        BlendTransframes = o.BlendTransframes ?? 5,
        BlendFps = o.BlendFps ?? 15,
        ClipsCount = o.ClipsCount ?? 5,
        ClipsLength = o.ClipsLength ?? 5,
        Mimemagic = o.Mimemagic == true,
    };
}
