namespace Supervisor.Actors.Connection;

/// <summary>One complete WebSocket message read by the pipe; <paramref name="Payload"/> is owned by the receiver.</summary>
public sealed record FrameReceived(long Generation, byte[] Payload, bool IsBinary)
{
    /// <summary>When the read loop completed the message (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>; 0 unknown).</summary>
    public long ReceivedTimestamp { get; init; }
}

/// <summary>A message longer than the configured limit arrived and was discarded without being buffered whole.</summary>
public sealed record FrameTooLarge(long Generation, long Bytes, long Limit);

/// <summary>The socket ended: closed by the peer, reset, or failed; the read loop has stopped.</summary>
public sealed record SocketClosed(long Generation, string Reason, Exception? Error);
