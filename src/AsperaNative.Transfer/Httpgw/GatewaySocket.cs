using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Transfer.Logging;

namespace AsperaNative.Transfer.Httpgw;

/// <summary>
/// The upload web socket of an HTTP Gateway (<c>/v1/upload</c>, <c>/v2/upload</c>): text frames carry JSON
/// messages, binary frames file data; the gateway acknowledges each message with <c>end upload</c>, and each
/// v2 <c>slice_upload</c> delimiter with <c>end_slice_upload</c>; anything else it sends is an error
/// (<c>{"message":…}</c>, or that JSON in base64 between double quotes). In synchronous mode a send waits until
/// the gateway is at most one message behind. Acknowledgements are read concurrently with sending.
/// </summary>
internal sealed class GatewaySocket : IAsyncDisposable
{
    public const string DataReceived = "end upload";
    public const string SliceReceived = "end_slice_upload";

    private readonly ClientWebSocket _socket;
    private readonly bool _synchronous;
    private readonly TransferLog _log;
    private readonly SemaphoreSlim _acknowledged = new(0);
    private readonly Task _reader;
    private long _sentGeneral, _receivedGeneral, _sentDelimiters, _receivedDelimiters;
    private volatile Exception? _readError;

    private GatewaySocket(ClientWebSocket socket, bool synchronous, TransferLog log)
    {
        _socket = socket;
        _synchronous = synchronous;
        _log = log;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Opens the web socket through the REST stack's transport (<paramref name="transport"/>: TLS policy, proxy).</summary>
    public static async Task<GatewaySocket> ConnectAsync(Uri url, HttpMessageInvoker transport, bool synchronous, TransferLog log, CancellationToken cancel)
    {
        var socket = new ClientWebSocket();
        socket.Options.HttpVersion = System.Net.HttpVersion.Version11;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        try { await socket.ConnectAsync(url, transport, cancel); }
        catch (WebSocketException e)
        {
            socket.Dispose();
            var reason = e.InnerException is { } inner ? $"{e.Message} ({inner.InnerException?.Message ?? inner.Message})" : e.Message;
            throw CliException.Runtime($"Error in websocket handshake: {reason}");
        }
        log.Debug("ws: send: handshake success");
        return new GatewaySocket(socket, synchronous, log);
    }

    /// <summary>A JSON message <c>{type: payload}</c>; a v2 <c>slice_upload</c> is a delimiter, acknowledged apart.</summary>
    public async Task SendJsonAsync(string type, JsonObject payload, bool delimiter, CancellationToken cancel)
    {
        ThrowIfFailed();
        if (delimiter) Interlocked.Increment(ref _sentDelimiters);
        else Interlocked.Increment(ref _sentGeneral);
        if (_log.IsEnabled("trace1")) _log.Debug($"ws: send: json: {type}");
        byte[] text = Encoding.UTF8.GetBytes(new JsonObject { [type] = payload }.ToJsonString(Json));
        await SendAsync(text, WebSocketMessageType.Text, cancel);
    }

    public async Task SendBinaryAsync(ReadOnlyMemory<byte> data, CancellationToken cancel)
    {
        ThrowIfFailed();
        Interlocked.Increment(ref _sentGeneral);
        await SendAsync(data, WebSocketMessageType.Binary, cancel);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task SendAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancel)
    {
        try { await _socket.SendAsync(data, type, endOfMessage: true, cancel); }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            // the gateway closing on an error says why in its last message
            await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
            ThrowIfFailed();
            throw CliException.Other("Errno::EPIPE", $"Broken pipe: {e.Message}");
        }
        if (!_synchronous) return;
        while (!_reader.IsCompleted && _readError is null
            && (Interlocked.Read(ref _sentGeneral) - Interlocked.Read(ref _receivedGeneral) > 1
                || Interlocked.Read(ref _sentDelimiters) - Interlocked.Read(ref _receivedDelimiters) > 1))
        {
            if (!await _acknowledged.WaitAsync(TimeSpan.FromSeconds(2), cancel))
                _log.Debug($"ws: send: timeout: sent {_sentGeneral}/{_sentDelimiters} received {_receivedGeneral}/{_receivedDelimiters}");
        }
        ThrowIfFailed();
    }

    /// <summary>Ends the upload: a close frame, then the gateway's last acknowledgements until it closes too.</summary>
    public async Task CompleteAsync(CancellationToken cancel)
    {
        ThrowIfFailed();
        try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel); }
        catch (Exception e) when (e is WebSocketException or IOException) { }
        await _reader.WaitAsync(cancel);
        ThrowIfFailed();
        _log.Debug($"ws: upload complete: sent {_sentGeneral}/{_sentDelimiters} acknowledged {_receivedGeneral}/{_receivedDelimiters}");
    }

    private void ThrowIfFailed()
    {
        if (_readError is { } e) throw e;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                string text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                Received(text);
                if (_readError is not null) return;
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            _log.Debug($"ws: recv: {e.Message}");
        }
        finally
        {
            _acknowledged.Release();
        }
    }

    private void Received(string text)
    {
        _log.Debug($"ws: recv: message: [{text}]");
        if (text == DataReceived) Interlocked.Increment(ref _receivedGeneral);
        else if (text == SliceReceived) Interlocked.Increment(ref _receivedDelimiters);
        else _readError = CliException.Runtime(ErrorMessage(text.TrimEnd('\r', '\n')));
        _acknowledged.Release();
    }

    /// <summary>The gateway's error: <c>"base64(JSON)"</c> or JSON, its <c>message</c>.</summary>
    internal static string ErrorMessage(string text)
    {
        try
        {
            if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
                return JsonNode.Parse(Convert.FromBase64String(text[1..^1]))?["message"]?.ToString() ?? "";
            if (text.StartsWith('{') && text.EndsWith('}'))
                return JsonNode.Parse(text)?["message"]?.ToString() ?? "";
        }
        catch (Exception e) when (e is FormatException or JsonException) { }
        return $"unknown message from gateway: [{text}]";
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open || _socket.State == WebSocketState.CloseSent) _socket.Abort();
        try { await _reader; }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException) { }
        _socket.Dispose();
        _acknowledged.Dispose();
    }
}
