using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Transfer.Notifications;

namespace AsperaNative.Transfer.Tests;

/// <summary>E-mails over a real (minimal) SMTP server on loopback.</summary>
public sealed class MailerTests
{
    /// <summary>Accepts one message: replies as RFC 5321 requires and records commands and data.</summary>
    private sealed class SmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        public int Port { get; }
        public List<string> Commands { get; } = [];
        public string Data { get; private set; } = "";
        public Task Serving { get; }

        public SmtpServer()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Serving = Task.Run(Serve);
        }

        private async Task Serve()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 test ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                Commands.Add(line);
                if (line.StartsWith("EHLO", StringComparison.Ordinal)) { await writer.WriteLineAsync("250-test"); await writer.WriteLineAsync("250 AUTH LOGIN"); }
                else if (line == "AUTH LOGIN") await writer.WriteLineAsync("334 VXNlcm5hbWU6");
                else if (Commands.Count >= 2 && Commands[^2] == "AUTH LOGIN") await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
                else if (Commands.Count >= 3 && Commands[^3] == "AUTH LOGIN") await writer.WriteLineAsync("235 ok");
                else if (line == "DATA")
                {
                    await writer.WriteLineAsync("354 go");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".") data.Append(d).Append('\n');
                    Data = data.ToString();
                    await writer.WriteLineAsync("250 queued");
                }
                else if (line == "QUIT") { await writer.WriteLineAsync("221 bye"); return; }
                else await writer.WriteLineAsync("250 ok");
            }
        }

        public void Dispose() => _listener.Stop();
    }

    [Fact]
    public async Task SendsTheRenderedTemplate()
    {
        using var server = new SmtpServer();
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
