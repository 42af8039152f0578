using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using Akka.Actor;
using Akka.Event;

namespace Supervisor.Actors.Connection;

/// <summary>
/// Owns one client WebSocket: connects with the venue's headers, runs the read loop as a task that tells each
/// complete message to the owning actor (so the actor never blocks on the socket), and sends frames one at a
/// time. Every message it tells carries the pipe's generation so an actor can ignore a previous socket's frames.
/// </summary>
public sealed class WebSocketPipe : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task _reader = Task.CompletedTask;

    private WebSocketPipe(ClientWebSocket socket, long generation)
    {
        _socket = socket;
        Generation = generation;
    }

    /// <summary>Distinguishes this socket's messages from an earlier one's.</summary>
    public long Generation { get; }

    /// <summary>Connects to <paramref name="uri"/> with <paramref name="headers"/> on the upgrade request.</summary>
    /// <exception cref="WebSocketException">The handshake failed (refused, rejected, timed out).</exception>
    public static async Task<WebSocketPipe> ConnectAsync(
        Uri uri,
        IReadOnlyDictionary<string, string> headers,
        long generation,
        TimeSpan connectTimeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);
        var socket = new ClientWebSocket();
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }
        // Heartbeats are the venue protocol's job (HeartbeatActor); transport keep-alive pings would hide a stall.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connectTimeout);
        try
        {
            await socket.ConnectAsync(uri, timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new WebSocketPipe(socket, generation);
    }

    /// <summary>Starts telling <see cref="FrameReceived"/>, <see cref="FrameTooLarge"/> and finally <see cref="SocketClosed"/> to <paramref name="owner"/>.</summary>
    public void StartReading(IActorRef owner, int maxFrameBytes)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 1);
        _reader = Task.Run(() => ReadLoopAsync(owner, maxFrameBytes, _stop.Token));
    }

    /// <summary>Sends one complete message; sends are serialized.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> payload, bool binary, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(payload, binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Stops reading and aborts the socket; the owner gets no further messages from this pipe.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        try
        {
            await _reader.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The reader ends by cancellation; nothing to report to an owner that asked for it.
        }
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReadLoopAsync(IActorRef owner, int maxFrameBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxFrameBytes, 64 * 1024) + 1);
        var message = new ArrayBufferWriter<byte>(4096);
        long discarding = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    owner.Tell(new SocketClosed(Generation, $"closed by the venue: {_socket.CloseStatus} {_socket.CloseStatusDescription}".TrimEnd(), null), ActorRefs.NoSender);
                    return;
                }
                // Invariant: message holds the current message's bytes so far, never more than maxFrameBytes;
                // once a message passes the limit the rest of it is counted in 'discarding' and dropped.
                if (discarding > 0 || message.WrittenCount + result.Count > maxFrameBytes)
                {
                    discarding += message.WrittenCount + result.Count;
                    message.ResetWrittenCount();
                }
                else
                {
                    buffer.AsSpan(0, result.Count).CopyTo(message.GetSpan(result.Count));
                    message.Advance(result.Count);
                }
                if (!result.EndOfMessage)
                {
                    continue;
                }
                if (discarding > 0)
                {
                    owner.Tell(new FrameTooLarge(Generation, discarding, maxFrameBytes), ActorRefs.NoSender);
                    discarding = 0;
                    continue;
                }
                owner.Tell(new FrameReceived(Generation, message.WrittenSpan.ToArray(), result.MessageType == WebSocketMessageType.Binary)
                {
                    ReceivedTimestamp = Stopwatch.GetTimestamp(),
                }, ActorRefs.NoSender);
                message.ResetWrittenCount();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed by the owner.
        }
        catch (Exception error) when (error is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            owner.Tell(new SocketClosed(Generation, $"connection lost: {error.Message}", error), ActorRefs.NoSender);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
