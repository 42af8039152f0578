using Supervisor.Actors.Connection;

namespace Supervisor.Actors.Metrics;

/// <summary>Maps a connection's failure to its <see cref="ReconnectReason"/> and a reason to its tag value.</summary>
public static class ReconnectReasons
{
    // Indexed by the enum: the tag values are created once, never per reconnect.
    private static readonly string[] s_tags =
    [
        "socket_closed", "connect_failed", "send_failed", "venue_closed", "heartbeat_timeout", "handshake_timeout",
        "auth_rejected", "subscription_rejected", "decode_burst", "unexpected",
    ];

    /// <summary>Every reason, in enum order.</summary>
    internal static int Count => s_tags.Length;

    /// <summary>Why a connection that failed with <paramref name="cause"/> is being re-created.</summary>
    public static ReconnectReason Of(Exception cause) => cause switch
    {
        ConnectionLostException lost => lost.Loss switch
        {
            ConnectionLoss.ConnectFailed => ReconnectReason.ConnectFailed,
            ConnectionLoss.SendFailed => ReconnectReason.SendFailed,
            ConnectionLoss.VenueClosed => ReconnectReason.VenueClosed,
            _ => ReconnectReason.SocketClosed,
        },
        HeartbeatTimeoutException => ReconnectReason.HeartbeatTimeout,
        HandshakeTimeoutException => ReconnectReason.HandshakeTimeout,
        AuthenticationRejectedException => ReconnectReason.AuthRejected,
        SubscriptionRejectedException => ReconnectReason.SubscriptionRejected,
        CorruptStreamException => ReconnectReason.DecodeBurst,
        _ => ReconnectReason.Unexpected,
    };

    /// <summary>The tag value (snake_case, as Prometheus label values usually are).</summary>
    public static string Tag(ReconnectReason reason) => s_tags[(int)reason];
}
