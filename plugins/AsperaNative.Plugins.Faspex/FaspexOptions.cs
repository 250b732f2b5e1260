using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Faspex;

/// <summary>The options only Faspex 4 has (url, username and password are the shared BasicAuthOptions).</summary>
[OptionSet]
public sealed partial class FaspexOptions
{
    /// <summary>Public link for specific operation</summary>
    [Option("link")] public partial string? Link { get; }
    /// <summary>Package delivery information</summary>
    [Option("delivery_info")] public partial JsonObject? DeliveryInfo { get; }
    /// <summary>Remote source for package send (id or %name:)</summary>
    [Option("remote_source")] public partial string? RemoteSource { get; }
    /// <summary>Faspex local storage definition (for browsing source)</summary>
    [Option("storage")] public partial JsonNode? Storage { get; }
    /// <summary>Use if recipient is a dropbox (with *)</summary>
    [Option("recipient")] public partial string? Recipient { get; }
    /// <summary>Package box</summary>
    [Option("box", Values = ["inbox", "archive", "sent"], Default = "inbox")] public partial string? Box { get; }

    /// <summary><c>--delivery-info</c>, mandatory (<c>Missing mandatory option: delivery_info</c>).</summary>
    public JsonNode RequiredDeliveryInfo => _store.GetMandatory("delivery_info");
    /// <summary><c>--storage</c>, mandatory.</summary>
    public JsonNode RequiredStorage => _store.GetMandatory("storage");
}
