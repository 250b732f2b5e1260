using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;

namespace AsperaNative.Transfer.Notifications;

/// <summary>E-mail notification of transfers (the manual's "Transfer notifications")</summary>
[OptionSet]
public sealed partial class NotificationOptions
{
    /// <summary>SMTP configuration</summary>
    [Option("smtp")] public partial JsonObject? Smtp { get; }
    /// <summary>Email recipient for notification of transfers</summary>
    [Option("notify_to")] public partial string? NotifyTo { get; }
    /// <summary>Email ERB template for notification of transfers</summary>
    [Option("notify_template")] public partial string? NotifyTemplate { get; }
}
