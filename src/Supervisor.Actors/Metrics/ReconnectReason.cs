namespace Supervisor.Actors.Metrics;

/// <summary>
/// Why an account's connection was re-created, as the <c>reason</c> tag of <c>supervisor_reconnects_total</c>. A
/// closed set, so the tag stays low-cardinality whatever the venues write in their error messages.
/// </summary>
public enum ReconnectReason
{
    /// <summary>The socket ended or was reset (including a close frame from the venue).</summary>
    SocketClosed,

    /// <summary>The socket could not be opened.</summary>
    ConnectFailed,

    /// <summary>Sending a frame failed.</summary>
    SendFailed,

    /// <summary>The venue announced it was closing the stream (ChainUP SYSTEM close).</summary>
    VenueClosed,

    /// <summary>A pong came too late or the stream went silent.</summary>
    HeartbeatTimeout,

    /// <summary>No greeting or login reply in time.</summary>
    HandshakeTimeout,

    /// <summary>The venue rejected the credentials (retried on the long auth backoff).</summary>
    AuthRejected,

    /// <summary>A channel was rejected or never acknowledged too often.</summary>
    SubscriptionRejected,

    /// <summary>A burst of malformed or oversized frames.</summary>
    DecodeBurst,

    /// <summary>Anything else: a bug.</summary>
    Unexpected,
}
