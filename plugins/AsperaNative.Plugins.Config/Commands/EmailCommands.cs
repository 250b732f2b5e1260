using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Transfer.Notifications;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary>E-mail settings of transfer notifications (manual "SMTP for email notifications").</summary>
[CommandGroup("config")]
internal sealed class EmailCommands(NotificationOptions global)
{
    /// <summary>Send a test email to the address of notify_to</summary>
    [Command("email_test")]
    public Result EmailTest()
    {
        string to = global.NotifyTo ?? throw CliException.BadArgument("Missing mandatory option: notify_to");
        new Mailer(SmtpSettings.From(global.Smtp)).SendTemplate(Mailer.TestTemplate, to, []);
        return Result.Nothing;
    }

    /// <summary>Show effective SMTP settings</summary>
    [Command("smtp_settings")]
    public Result SmtpSettingsCommand() => Result.SingleObject(SmtpSettings.From(global.Smtp).ToJson());
}
