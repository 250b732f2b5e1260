using System.Collections.Frozen;
using AsperaNative.Core.Errors;

namespace AsperaNative.Plugins.Preview.Generation;

/// <summary>
/// The category of a source file (ascli's conversion types: image, office, pdf, plaintext, video), from the mime
/// type the node API gives, else (with <c>--mimemagic=yes</c>) from the file's first bytes, else from its extension
/// (manual "Plugin: preview", "Supported input Files types").
/// </summary>
public static class FileTypes
{
    public const string Image = "image";
    public const string Office = "office";
    public const string Pdf = "pdf";
    public const string Plaintext = "plaintext";
    public const string Video = "video";

    /// <summary>The categories, as ascli lists them in <c>--skip-types</c> errors.</summary>
    public static readonly string[] All = [Image, Office, Pdf, Plaintext, Video];

    // mime types whose category does not follow from their top level type
    private static readonly FrozenDictionary<string, string> SpecialMimeTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application/json"] = Plaintext, ["text/plain"] = Plaintext,
        ["application/pdf"] = Pdf,
        ["audio/ogg"] = Video, ["application/mxf"] = Video,
        ["application/mac-binhex40"] = Office, ["application/msword"] = Office, ["application/rtf"] = Office,
        ["application/x-abiword"] = Office, ["application/x-mspublisher"] = Office, ["image/vnd.dxf"] = Office,
        ["image/x-cmx"] = Office, ["image/x-freehand"] = Office, ["image/x-pict"] = Office, ["text/csv"] = Office,
        ["text/html"] = Office,
        ["application/dicom"] = Image, ["application/postscript"] = Image, ["application/vnd.3gpp.pic-bw-small"] = Image,
        ["application/vnd.hp-hpgl"] = Image, ["application/vnd.hp-pcl"] = Image, ["application/vnd.mobius.msl"] = Image,
        ["application/vnd.mophun.certificate"] = Image, ["application/x-director"] = Image, ["application/x-font-type1"] = Image,
        ["application/x-msmetafile"] = Image, ["application/x-xfig"] = Image, ["font/ttf"] = Image, ["text/troff"] = Image,
        ["video/x-mng"] = Image,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // the registered mime type of common extensions (IANA / Apache mime.types, as the node API and Ruby's mime-types use them)
    private static readonly FrozenDictionary<string, string> MimeByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["jpg"] = "image/jpeg", ["jpeg"] = "image/jpeg", ["jpe"] = "image/jpeg", ["png"] = "image/png", ["gif"] = "image/gif",
        ["bmp"] = "image/bmp", ["tif"] = "image/tiff", ["tiff"] = "image/tiff", ["webp"] = "image/webp", ["svg"] = "image/svg+xml",
        ["ico"] = "image/vnd.microsoft.icon", ["psd"] = "image/vnd.adobe.photoshop", ["heic"] = "image/heic", ["heif"] = "image/heif",
        ["avif"] = "image/avif", ["jp2"] = "image/jp2", ["xcf"] = "image/x-xcf", ["tga"] = "image/x-tga", ["pcx"] = "image/x-pcx",
        ["ppm"] = "image/x-portable-pixmap", ["pgm"] = "image/x-portable-graymap", ["pbm"] = "image/x-portable-bitmap",
        ["dng"] = "image/x-adobe-dng", ["cr2"] = "image/x-canon-cr2", ["nef"] = "image/x-nikon-nef", ["exr"] = "image/x-exr",
        ["dcm"] = "application/dicom", ["ps"] = "application/postscript", ["eps"] = "application/postscript", ["ai"] = "application/postscript",
        ["ttf"] = "font/ttf", ["wmf"] = "application/x-msmetafile", ["emf"] = "application/x-msmetafile", ["fig"] = "application/x-xfig",
        ["mng"] = "video/x-mng", ["dxf"] = "image/vnd.dxf", ["pct"] = "image/x-pict", ["pict"] = "image/x-pict",
        ["pdf"] = "application/pdf",
        ["txt"] = "text/plain", ["text"] = "text/plain", ["log"] = "text/plain", ["conf"] = "text/plain", ["ini"] = "text/plain",
        ["json"] = "application/json",
        ["doc"] = "application/msword", ["dot"] = "application/msword", ["rtf"] = "application/rtf", ["csv"] = "text/csv",
        ["html"] = "text/html", ["htm"] = "text/html", ["abw"] = "application/x-abiword", ["pub"] = "application/x-mspublisher",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["xls"] = "application/vnd.ms-excel", ["ppt"] = "application/vnd.ms-powerpoint", ["vsd"] = "application/vnd.visio",
        ["odt"] = "application/vnd.oasis.opendocument.text", ["ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        ["odp"] = "application/vnd.oasis.opendocument.presentation", ["odg"] = "application/vnd.oasis.opendocument.graphics",
        ["mp4"] = "video/mp4", ["m4v"] = "video/x-m4v", ["mov"] = "video/quicktime", ["qt"] = "video/quicktime",
        ["avi"] = "video/x-msvideo", ["mkv"] = "video/x-matroska", ["webm"] = "video/webm", ["mpg"] = "video/mpeg",
        ["mpeg"] = "video/mpeg", ["mpe"] = "video/mpeg", ["m2v"] = "video/mpeg", ["wmv"] = "video/x-ms-wmv", ["flv"] = "video/x-flv",
        ["3gp"] = "video/3gpp", ["3g2"] = "video/3gpp2", ["ts"] = "video/mp2t", ["mts"] = "video/mp2t", ["m2ts"] = "video/mp2t",
        ["ogv"] = "video/ogg", ["ogg"] = "audio/ogg", ["mxf"] = "application/mxf", ["dv"] = "video/x-dv", ["asf"] = "video/x-ms-asf",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The category of a mime type, or null when no preview can be made of it.</summary>
    public static string? OfMime(string? mime)
    {
        if (string.IsNullOrEmpty(mime)) return null;
        if (SpecialMimeTypes.TryGetValue(mime, out var type)) return type;
        if (mime.StartsWith("application/vnd.", StringComparison.Ordinal)) return Office;
        if (mime.StartsWith("video/", StringComparison.Ordinal)) return Video;
        if (mime.StartsWith("image/", StringComparison.Ordinal)) return Image;
        return null;
    }

    /// <summary>The mime type of a file name's extension, or null.</summary>
    public static string? MimeOfName(string fileName)
    {
        string extension = Path.GetExtension(fileName).TrimStart('.');
        return extension.Length > 0 && MimeByExtension.TryGetValue(extension, out var mime) ? mime : null;
    }

    /// <summary>
    /// The category of a file: node mime type first, then (when <paramref name="sniffContent"/>) the content's magic
    /// numbers, then the extension; ascli's <c>no conversion type found</c> error when none gives one.
    /// </summary>
    public static string Of(string filePath, string? apiMime, bool sniffContent)
    {
        string? type = OfMime(apiMime);
        if (type is null && sniffContent && MagicNumbers.MimeOf(filePath) is { } detected) type = OfMime(detected);
        type ??= OfMime(MimeOfName(Path.GetFileName(filePath)));
        return type ?? throw CliException.Runtime($"no conversion type found for {Path.GetFileName(filePath)}");
    }
}
