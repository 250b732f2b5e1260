using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Httpgw;

/// <summary>The gateway's address (the plugin's only option, with its own help text).</summary>
[OptionSet]
public sealed partial class HttpgwOptions
{
    /// <summary>URL of application, e.g. https://app.example.com/aspera/app</summary>
    [Option("url")] public partial string? Url { get; }

    public string RequiredUrl => _store.GetMandatoryString("url");
}
