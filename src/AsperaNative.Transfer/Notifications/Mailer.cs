using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;

namespace AsperaNative.Transfer.Notifications;

/// <summary>
/// Sends a template-built message (headers included, as ascli does with Net::SMTP) over SMTP (RFC 5321):
/// EHLO, STARTTLS when <c>tls</c>, implicit TLS when <c>ssl</c>, AUTH LOGIN when a username is set.
/// </summary>
public sealed class Mailer(SmtpSettings settings)
{
    public const string TransferTemplate = "From: <%=from_name%> <<%=from_email%>>\nTo: <<%=to%>>\nSubject: <%=subject%>\n\nTransfer is: <%=status%>\n\n<%=ts.to_yaml%>\n";
    public const string TestTemplate = "From: <%=from_name%> <<%=from_email%>>\nTo: <<%=to%>>\nSubject: Amelia email test\n\nIt worked !\n";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Renders the template with <c>from_name</c>, <c>from_email</c>, <c>to</c> and the given values, then sends it.</summary>
    public void SendTemplate(string template, string to, JsonObject values)
    {
        values["from_name"] = settings.FromName;
        values["from_email"] = settings.FromEmail;
        values["to"] = to;
        Send(settings.FromEmail ?? throw CliException.BadArgument("smtp: missing from_email or username"), to, EmailTemplate.Render(template, values));
    }

    public void Send(string from, string to, string message)
    {
        using var client = new TcpClient();
        try { client.ConnectAsync(settings.Server, settings.Port).Wait(Timeout); }
        catch (AggregateException e) when (e.InnerException is SocketException s)
        {
            throw CliException.Other("Errno::ECONNREFUSED", $"Connection refused - connect(2) for \"{settings.Server}\" port {settings.Port} ({s.Message})");
        }
        if (!client.Connected) throw CliException.Other("Net::OpenTimeout", "execution expired");
        client.ReceiveTimeout = client.SendTimeout = (int)Timeout.TotalMilliseconds;
        Stream stream = client.GetStream();
        if (settings.Ssl) stream = Secure(stream);
        var session = new Session(stream);
        session.Expect(220);
        session.Command($"EHLO {settings.Domain}", 250);
        if (settings.Tls)
        {
            session.Command("STARTTLS", 220);
            session = new Session(Secure(stream));
            session.Command($"EHLO {settings.Domain}", 250);
        }
        if (settings.Username is { } user)
        {
            session.Command("AUTH LOGIN", 334);
            session.Command(Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), 334);
            session.Command(Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.Password ?? "")), 235);
        }
        session.Command($"MAIL FROM:<{from}>", 250);
        session.Command($"RCPT TO:<{to}>", 250, 251);
        session.Command("DATA", 354);
        var body = new StringBuilder();
        foreach (var line in EmailTemplate.Crlf(message).Split("\r\n"))
            body.Append(line.StartsWith('.') ? "." + line : line).Append("\r\n");
        session.Command(body + ".", 250);
        session.Command("QUIT", 221);
    }

    private SslStream Secure(Stream stream)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: true);
        ssl.AuthenticateAsClient(settings.Server);
        return ssl;
    }

    /// <summary>Command/reply exchange; multi-line replies (<c>250-…</c>) end with a <c>code space</c> line.</summary>
    private sealed class Session(Stream stream)
    {
        private readonly StreamReader _reader = new(stream, Encoding.ASCII, false, 1024, leaveOpen: true);

        public void Command(string line, params int[] expected)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\r\n");
            stream.Write(bytes);
            stream.Flush();
            Expect(expected);
        }

        public void Expect(params int[] expected)
        {
            string? line;
            do
            {
                line = _reader.ReadLine() ?? throw CliException.Other("EOFError", "end of file reached");
            }
            while (line.Length > 3 && line[3] == '-');
            if (line.Length < 3 || !int.TryParse(line[..3], out int code) || !expected.Contains(code))
                throw CliException.Other("Net::SMTPFatalError", line);
        }
    }
}
