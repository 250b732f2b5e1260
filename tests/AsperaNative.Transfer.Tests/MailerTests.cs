using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Emulators.Common;
using AsperaNative.Transfer.Notifications;

namespace AsperaNative.Transfer.Tests;

/// <summary>E-mails over a real (minimal) SMTP server on loopback.</summary>
public sealed class MailerTests
{
    [Fact]
    public async Task SendsTheRenderedTemplate()
    {
        using var server = new SmtpCapture();
        var settings = SmtpSettings.From(new JsonObject
        {
            ["server"] = "127.0.0.1", ["port"] = server.Port, ["tls"] = false, ["username"] = "me@example.com", ["password"] = "pw", ["from_name"] = "Me",
        });
        new Mailer(settings).SendTemplate(Mailer.TransferTemplate, "you@example.com", new JsonObject
        {
            ["subject"] = "ascli transfer: success",
            ["status"] = "success",
            ["ts"] = new JsonObject { ["direction"] = "send" },
        });
        await server.Serving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("MAIL FROM:<me@example.com>", server.Commands);
        Assert.Contains("RCPT TO:<you@example.com>", server.Commands);
        Assert.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes("pw")), server.Commands);
        Assert.StartsWith("From: Me <me@example.com>\nTo: <you@example.com>\nSubject: ascli transfer: success\n\nTransfer is: success\n\n", server.Data, StringComparison.Ordinal);
        Assert.Contains("direction: send", server.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateAccessorsAndDefaults()
    {
        var values = new JsonObject { ["ts"] = new JsonObject { ["tags"] = new JsonObject { ["r"] = new JsonArray(new JsonObject { ["email"] = "a@b" }) } } };
        Assert.Equal("To a@b!", EmailTemplate.Render("To <%=ts[\"tags\"][\"r\"].first[\"email\"]%>!", values));
        var settings = SmtpSettings.From(new JsonObject { ["server"] = "smtp.example.com", ["username"] = "u@example.com" });
        Assert.Equal(587, settings.Port);
        Assert.Equal("example.com", settings.Domain);
        Assert.Equal("u@example.com", settings.FromName);
        Assert.Equal(465, SmtpSettings.From(new JsonObject { ["server"] = "s", ["ssl"] = true }).Port);
    }
}
