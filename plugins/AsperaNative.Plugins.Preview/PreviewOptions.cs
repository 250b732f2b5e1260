using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Preview;

/// <summary>
/// The options of the preview plugin: what to generate and where (url, username and password are the shared
/// BasicAuthOptions: the node and its access key; temp_folder and query are global).
/// </summary>
[OptionSet]
public sealed partial class PreviewOptions
{
    /// <summary>Skip this preview format (multiple possible)</summary>
    [Option("skip_format", Values = ["png", "mp4"])] public partial string? SkipFormat { get; }
    /// <summary>Force detection of generated preview by refresh cache</summary>
    [Option("folder_reset_cache", Values = ["no", "header", "read"], Default = "no")] public partial string? FolderResetCache { get; }
    /// <summary>Skip types in comma separated list</summary>
    [Option("skip_types")] public partial string? SkipTypes { get; }
    /// <summary>Preview folder in storage root</summary>
    [Option("previews_folder", Default = "previews")] public partial string? PreviewsFolder { get; }
    /// <summary>List of folder to skip</summary>
    [Option("skip_folders", Default = "@json:[]")] public partial JsonArray? SkipFolders { get; }
    /// <summary>Basename of output for for test</summary>
    [Option("base")] public partial string? Base { get; }
    /// <summary>Subpath in folder id to start scan in (default=/)</summary>
    [Option("scan_path")] public partial string? ScanPath { get; }
    /// <summary>Folder id in storage to start scan in, default is access key main folder id</summary>
    [Option("scan_id")] public partial string? ScanId { get; }
    /// <summary>Use Mime type detection of gem mimemagic</summary>
    [Option("mimemagic", Default = "no")] public partial bool? Mimemagic { get; }
    /// <summary>When to overwrite result file</summary>
    [Option("overwrite", Values = ["always", "never", "mtime"], Default = "mtime")] public partial string? Overwrite { get; }
    /// <summary>How to read and write files in repository</summary>
    [Option("file_access", Values = ["local", "remote"], Default = "local")] public partial string? FileAccess { get; }
    /// <summary>Maximum size (in bytes) of preview file</summary>
    [Option("max_size", Default = "16777216")] public partial long? MaxSize { get; }
    /// <summary>Png: video: size (ffmpeg scale argument)</summary>
    [Option("thumb_vid_scale", Default = "-1:'min(ih,100)'")] public partial string? ThumbVidScale { get; }
    /// <summary>Png: video: time percent position of snapshot</summary>
    [Option("thumb_vid_fraction", Default = "0.1")] public partial double? ThumbVidFraction { get; }
    /// <summary>Png: non-video: height (and width)</summary>
    [Option("thumb_img_size", Default = "800")] public partial long? ThumbImgSize { get; }
    /// <summary>Png: plaintext: font to render text with imagemagick convert (identify -list font)</summary>
    [Option("thumb_text_font", Default = "Courier")] public partial string? ThumbTextFont { get; }
    /// <summary>Mp4: method for preview generation</summary>
    [Option("video_conversion", Values = ["reencode", "blend", "clips"], Default = "reencode")] public partial string? VideoConversion { get; }
    /// <summary>Mp4: method for thumbnail generation</summary>
    [Option("video_png_conv", Values = ["fixed", "animated"], Default = "fixed")] public partial string? VideoPngConv { get; }
    /// <summary>Mp4: all: video scale (ffmpeg)</summary>
    [Option("video_scale", Default = "'min(iw,360)':-2")] public partial string? VideoScale { get; }
    /// <summary>Mp4: all: start offset (seconds) of video preview</summary>
    [Option("video_start_sec", Default = "10")] public partial long? VideoStartSec { get; }
    /// <summary>Mp4: reencode: options to ffmpeg</summary>
    [Option("reencode_ffmpeg", Default = "@json:{}")] public partial JsonObject? ReencodeFfmpeg { get; }
    /// <summary>Mp4: blend: # key frames</summary>
    [Option("blend_keyframes", Default = "30")] public partial long? BlendKeyframes { get; }
    /// <summary>Mp4: blend: # pause frames</summary>
    [Option("blend_pauseframes", Default = "3")] public partial long? BlendPauseframes { get; }
    /// <summary>Mp4: blend: # transition blend frames</summary>
    [Option("blend_transframes", Default = "5")] public partial long? BlendTransframes { get; }
    /// <summary>Mp4: blend: frame per second</summary>
    [Option("blend_fps", Default = "15")] public partial long? BlendFps { get; }
    /// <summary>Mp4: clips: number of clips</summary>
    [Option("clips_count", Default = "5")] public partial long? ClipsCount { get; }
    /// <summary>Mp4: clips: length in seconds of each clips</summary>
    [Option("clips_length", Default = "5")] public partial long? ClipsLength { get; }
}
