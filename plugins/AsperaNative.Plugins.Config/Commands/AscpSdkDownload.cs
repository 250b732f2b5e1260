using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Yaml;
using AsperaNative.Rest;
using AsperaNative.Transfer.Direct;
using AsperaNative.Core.Values;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>
/// Where <c>config ascp install</c> gets the SDK archive: a <c>file:///</c> URL is used in place, an
/// <c>http(s)://</c> one is downloaded through the REST stack (proxy, TLS and log options apply) to a temporary
/// file, and <c>DEF</c> is the newest archive for this platform in IBM's list of SDK locations.
/// </summary>
internal static class SdkDownload
{
    /// <summary>The <c>--sdk-url</c> value meaning "the newest SDK for this platform".</summary>
    public const string DefaultKeyword = "DEF";

    /// <summary>IBM's list of SDK archives (YAML: platform, version, url).</summary>
    public const string LocationsUrl = "https://ibm.biz/sdk_location";

    /// <summary>The platform name of the SDK list, as ascli computes it (<c>linux-x86_64</c>, <c>osx-arm64</c>…).</summary>
    public static string Platform
    {
        get
        {
            string os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            string cpu = RuntimeInformation.OSArchitecture switch
            {
                Architecture.X64 => "x86_64",
                Architecture.Arm64 => OperatingSystem.IsMacOS() ? "arm64" : "aarch64",
                Architecture.Ppc64le => "ppc64le",
                Architecture.S390x => "s390x",
                var other => other.ToString().ToLowerInvariant(),
            };
            return $"{os}-{cpu}";
        }
    }

    /// <summary>IBM's list of SDK archives (platform, version, url…), each entry as published.</summary>
    public static List<JsonObject> Locations(RestFactory rest)
    {
        var response = UriReader.Response(new Uri(LocationsUrl), rest);
        JsonNode? list;
        try { list = YamlReader.Parse(response.Text); }
        catch (FormatException) { throw CliException.Runtime($"Error when parsing yaml data from: {LocationsUrl}"); }
        return [.. (list as JsonArray ?? []).OfType<JsonObject>()];
    }

    /// <summary>The archive URL of <paramref name="version"/> (newest when null) for this platform.</summary>
    public static string LocationFor(RestFactory rest, string? version)
    {
        var all = Locations(rest);
        string platform = Platform;
        var mine = all.Where(l => Text(l["platform"]) == platform).ToList();
        if (mine.Count == 0)
        {
            string available = string.Join(", ", all.Select(static l => $"\"{Text(l["platform"])}\"").Distinct());
            throw CliException.Assertion($"No SDK for platform: {platform}, available: [{available}]");
        }
        version ??= mine.Select(static l => Text(l["version"])).MaxBy(static v => System.Version.TryParse(v, out var p) ? p : new System.Version(0, 0))!;
        var entry = mine.FirstOrDefault(l => Text(l["version"]) == version)
            ?? throw CliException.Assertion($"No such version: {version} for {platform}");
        return Text(entry["url"]);
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when JsonScalar.TryGetText(v, out string? s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>Runs <paramref name="install"/> on the local archive of <paramref name="url"/>, downloaded first when remote.</summary>
    public static T WithLocalArchive<T>(string url, string home, RestFactory rest, Func<string, T> install)
    {
        if (SdkInstaller.LocalPath(url, home) is { } local) return install(local);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw CliException.Runtime($"unsupported URL scheme: {url}");
        string folder = Directory.CreateTempSubdirectory("ascli-sdk-").FullName;
        try
        {
            string name = Path.GetFileName(uri.AbsolutePath);
            string archive = Path.Combine(folder, name.Length == 0 ? "sdk.zip" : name);
            var api = rest.Create(uri.GetLeftPart(UriPartial.Path), options: new RestClientOptions { RedirectMax = 5 });
            string query = uri.Query.TrimStart('?');
            api.Call(new RestRequest("GET")
            {
                Query = query.Length == 0 ? null : JsonValue.Create(query),
                Headers = new Dictionary<string, string> { ["Accept"] = "*/*" },
                SaveToFile = archive,
            });
            return install(archive);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }
}
