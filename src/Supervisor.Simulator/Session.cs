using System.Net.WebSockets;
using System.Threading.Channels;

namespace Supervisor.Simulator;

/// <summary>One client socket: frames to send go through a queue so pushes and replies never interleave mid-frame.</summary>
internal sealed class Session(WebSocket socket)
{
    private readonly Channel<(byte[] Frame, bool Binary)> _outbox = Channel.CreateUnbounded<(byte[], bool)>(new UnboundedChannelOptions { SingleReader = true });

    public WebSocket Socket => socket;

    public void Send(string text) => _outbox.Writer.TryWrite((System.Text.Encoding.UTF8.GetBytes(text), false));

    public void SendBinary(byte[] frame) => _outbox.Writer.TryWrite((frame, true));

    public void Complete() => _outbox.Writer.TryComplete();

    /// <summary>Cuts the connection without a close handshake (a reset, as the venues' 1006).</summary>
    public void Abort() => socket.Abort();

    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (frame, binary) in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await socket.SendAsync(frame, binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested || socket.State != WebSocketState.Open)
        {
            // The connection ended.
        }
    }

    /// <summary>Receives one whole text message, or null when the socket ended or <paramref name="idle"/> passed.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan idle, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(idle);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return System.Text.Encoding.UTF8.GetString(message.ToArray());
                }
            }
        }
        catch (Exception) when (timeout.IsCancellationRequested || socket.State != WebSocketState.Open)
        {
            return null;
        }
    }
}
