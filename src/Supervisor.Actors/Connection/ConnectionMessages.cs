using Supervisor.Actors.Protocol;

namespace Supervisor.Actors.Connection;

/// <summary>Where a connection is, as reported to the account's state actor.</summary>
public enum ConnectionStatus
{
    /// <summary>Opening the socket.</summary>
    Connecting,

    /// <summary>Socket open, greeting or login pending.</summary>
    Authenticating,

    /// <summary>Authenticated, subscriptions pending.</summary>
    Subscribing,

    /// <summary>Every channel acknowledged; pushes flow.</summary>
    Live,

    /// <summary>The connection failed and waits for its backoff.</summary>
    Reconnecting,

    /// <summary>The venue rejected the credentials; retried on a long backoff.</summary>
    AuthFailed,
}

/// <summary>From a connection to its state actor: the connection's status changed.</summary>
public sealed record ConnectionStatusChanged(ConnectionStatus Status, string? Detail = null);

/// <summary>From a connection to its state actor: events decoded from one frame, in order.</summary>
public sealed record VenueEventsReceived(IReadOnlyList<object> Events)
{
    /// <summary>When the connection decoded the frame (Akka's scheduler clock); the journal lag is measured from it.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>
    /// When the frame was read off the socket (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>; 0 unknown), for the
    /// frame-to-persisted latency. Local to this process: never journaled, not carried between nodes.
    /// </summary>
    public long ReceivedTimestamp { get; init; }
}

/// <summary>Counters a connection keeps; asked with <see cref="GetConnectionStats"/>.</summary>
public sealed record ConnectionStats(long Frames, long Events, long MalformedFrames, long OversizedFrames);

/// <summary>Asks a connection for its <see cref="ConnectionStats"/>.</summary>
public sealed record GetConnectionStats;

internal sealed record SocketOpened(WebSocketPipe Pipe);

internal sealed record SocketOpenFailed(Exception Cause);

internal sealed record SendFailed(Exception Cause);

internal sealed record HandshakeOverdue(string Step);

internal sealed record DecodedFrame(ProtocolFrame Frame);

internal sealed record SendCompleted
{
    public static readonly SendCompleted Instance = new();
}
