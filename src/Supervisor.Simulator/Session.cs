using System.Net.WebSockets;
using System.Threading.Channels;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator;

/// <summary>
/// One client socket. Frames to send go through a queue so pushes and replies never interleave mid-frame, and so an
/// account's frame-delay fault can hold each one until its due time on the simulator's clock without reordering.
/// </summary>
internal sealed class Session(WebSocket socket, TimeProvider clock, int maxMessageBytes)
{
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });

    public WebSocket Socket => socket;

    /// <summary>The faults of the account this socket belongs to, once it has logged in (frame delays apply from then on).</summary>
    public AccountFaults? Faults { get; set; }

    public void Send(string text) => Enqueue(System.Text.Encoding.UTF8.GetBytes(text), false);

    public void SendBinary(byte[] frame) => Enqueue(frame, true);

    /// <summary>Sends the close handshake after the frames already queued, then nothing more.</summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        _outbox.Writer.TryWrite(new Outgoing([], false, clock.GetTimestamp(), status, reason));
        _outbox.Writer.TryComplete();
    }

    public void Complete() => _outbox.Writer.TryComplete();

    /// <summary>Cuts the connection without a close handshake (a reset, as the venues' 1006).</summary>
    public void Abort() => socket.Abort();

    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await HoldAsync(item.EnqueuedAt, cancellationToken);
                if (item.Close is { } status)
                {
                    await socket.CloseOutputAsync(status, item.Reason, cancellationToken);
                    return;
                }
                await socket.SendAsync(item.Frame, item.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested || socket.State != WebSocketState.Open)
        {
            // The connection ended.
        }
    }

    /// <summary>
    /// Receives one whole message as text, or says why not. <paramref name="deadline"/> is absolute on the simulator's
    /// clock, so time that passed before this call (while a reply was being written) still counts toward it.
    /// </summary>
    public async Task<Received> ReceiveAsync(DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var left = deadline is { } due ? due - clock.GetUtcNow() : (TimeSpan?)null;
        if (left <= TimeSpan.Zero)
        {
            return Received.Ended(ReceiveEnd.TimedOut);
        }
        using var timer = left is { } wait ? new CancellationTokenSource(wait, clock) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, linked.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return Received.Ended(ReceiveEnd.Closed);
                }
                if (message.Length + result.Count > maxMessageBytes)
                {
                    return Received.Ended(ReceiveEnd.TooLarge);
                }
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return new Received(System.Text.Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), ReceiveEnd.None);
                }
            }
        }
        catch (Exception) when (linked.IsCancellationRequested || socket.State != WebSocketState.Open)
        {
            return Received.Ended(timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested ? ReceiveEnd.TimedOut : ReceiveEnd.Closed);
        }
    }

    private void Enqueue(byte[] frame, bool binary) => _outbox.Writer.TryWrite(new Outgoing(frame, binary, clock.GetTimestamp()));

    private async Task HoldAsync(long enqueuedAt, CancellationToken cancellationToken)
    {
        if (Faults?.FrameDelay is not { } delay || delay <= TimeSpan.Zero)
        {
            return;
        }
        // Re-read the clock after every wait: it may have moved between reading it and arming the timer.
        for (var left = delay - clock.GetElapsedTime(enqueuedAt); left > TimeSpan.Zero; left = delay - clock.GetElapsedTime(enqueuedAt))
        {
            await Task.Delay(left, clock, cancellationToken);
        }
    }
}
