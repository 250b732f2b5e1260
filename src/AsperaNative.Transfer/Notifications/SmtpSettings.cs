using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.Transfer.TransferSpec;

namespace AsperaNative.Transfer.Notifications;

/// <summary>
/// The <c>--smtp</c> hash with the manual's defaults ("SMTP for email notifications"): <c>tls</c> (STARTTLS)
/// on, <c>ssl</c> off, port 465 with ssl, 587 with tls, else 25; sender address from <c>username</c>.
/// </summary>
public sealed record SmtpSettings(string Server, bool Tls, bool Ssl, int Port, string Domain, string? Username, string? Password, string? FromEmail, string? FromName)
{
    private static readonly string[] Keys = ["server", "tls", "ssl", "port", "domain", "username", "password", "from_email", "from_name"];

    public static SmtpSettings From(JsonObject? smtp)
    {
        if (smtp is null) throw CliException.BadArgument("Missing mandatory option: smtp");
        foreach (var (key, _) in smtp)
            if (!Keys.Contains(key)) throw CliException.BadArgument($"unknown smtp parameter: {key}, use: {string.Join(", ", Keys)}");
        string server = smtp["server"] is { } s ? RubyToS.Of(s) : throw CliException.BadArgument("Missing mandatory smtp parameter: server");
        bool ssl = smtp["ssl"] is { } sv && RubyValues.IsTrue(sv);
        bool tls = smtp["tls"] is not { } tv || RubyValues.IsTrue(tv);
        if (ssl) tls = false;
        int port = smtp["port"] is { } p && int.TryParse(RubyToS.Of(p), out int pn) ? pn : ssl ? 465 : tls ? 587 : 25;
        string domain = smtp["domain"] is { } d ? RubyToS.Of(d) : server.Contains('.') ? server[(server.IndexOf('.') + 1)..] : server;
        string? username = smtp["username"] is { } u ? RubyToS.Of(u) : null;
        string? from = smtp["from_email"] is { } f ? RubyToS.Of(f) : username;
        string? name = smtp["from_name"] is { } n ? RubyToS.Of(n) : from;
        return new SmtpSettings(server, tls, ssl, port, domain, username, smtp["password"] is { } pw ? RubyToS.Of(pw) : null, from, name);
    }

    /// <summary><c>config smtp_settings</c>: the effective values.</summary>
    public JsonObject ToJson() => new()
    {
        ["server"] = Server,
        ["tls"] = Tls,
        ["ssl"] = Ssl,
        ["port"] = Port,
        ["domain"] = Domain,
        ["username"] = Username,
        ["password"] = Password,
        ["from_email"] = FromEmail,
        ["from_name"] = FromName,
    };
}
