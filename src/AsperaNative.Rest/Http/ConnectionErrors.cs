using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using AsperaNative.Core.Errors;
using AsperaNative.Rest.Tls;

namespace AsperaNative.Rest;

/// <summary>
/// Transport failures reported with the Ruby exception class and Net::HTTP's message that ascli
/// prints, e.g. <c>ERROR: Other(Errno::ECONNREFUSED): Failed to open TCP connection to h:p
/// (Connection refused - connect(2) for h:p)</c>: users' scripts match these strings.
/// </summary>
public static class ConnectionErrors
{
    public static readonly IReadOnlyList<string> SslHints = ["HINT: You can ignore SSL errors with option:", "HINT: --insecure=yes"];

    /// <summary>The error for a failed send to <paramref name="host"/>:<paramref name="port"/> (the proxy's when one is used).</summary>
    public static CliException From(Exception error, string host, int port, TlsPolicy? tls = null)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case CliException cli: return cli;
                case SocketException s: return FromSocket(s, host, port);
                case AuthenticationException: return Ssl(host, port, tls);
                case TimeoutException: return OpenTimeout(host, port);
            }
        }
        if (error is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }) return Ssl(host, port, tls);
        if (error is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }) return CliException.Other("EOFError", "end of file reached");
        if (error is HttpRequestException { HttpRequestError: HttpRequestError.ProxyTunnelError } h)
            return CliException.Other("Net::HTTPClientException", $"{h.StatusCode switch { null => "", var c => ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " }}\"Proxy CONNECT failed\"");
        return CliException.Other("RuntimeError", error.Message);
    }

    public static CliException FromSocket(SocketException e, string host, int port) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => CliException.Other("Errno::ECONNREFUSED", $"Failed to open TCP connection to {host}:{port} (Connection refused - connect(2) for {host}:{port})"),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => CliException.Other("SocketError", $"Failed to open TCP connection to {host}:{port} (getaddrinfo: Name or service not known)"),
        SocketError.TimedOut => OpenTimeout(host, port),
        SocketError.NetworkUnreachable => CliException.Other("Errno::ENETUNREACH", $"Failed to open TCP connection to {host}:{port} (Network is unreachable - connect(2) for {host}:{port})"),
        SocketError.HostUnreachable => CliException.Other("Errno::EHOSTUNREACH", $"Failed to open TCP connection to {host}:{port} (No route to host - connect(2) for {host}:{port})"),
        SocketError.ConnectionReset => CliException.Other("Errno::ECONNRESET", "Connection reset by peer"),
        _ => CliException.Other("SocketError", $"Failed to open TCP connection to {host}:{port} ({e.SocketErrorCode})"),
    };

    public static CliException OpenTimeout(string host, int port)
        => CliException.Other("Net::OpenTimeout", $"Failed to open TCP connection to {host}:{port} (execution expired)");

    public static CliException ReadTimeout() => CliException.Other("Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>");

    /// <summary>OpenSSL's connect error, with ascli's hint to use <c>--insecure</c>.</summary>
    public static CliException Ssl(string host, int port, TlsPolicy? tls)
    {
        var failure = tls?.LastFailure(host);
        var peer = failure?.Peer;
        string address = peer is null ? host : (peer.Address.IsIPv4MappedToIPv6 ? peer.Address.MapToIPv4() : peer.Address).ToString();
        string reason = failure?.Reason ?? "certificate verify failed";
        string message = reason.StartsWith("hostname", StringComparison.Ordinal)
            ? reason
            : $"SSL_connect returned=1 errno=0 peeraddr={address}:{peer?.Port ?? port} state=error: {reason}";
        return new CliException("SSL", message) { Hints = SslHints };
    }
}
