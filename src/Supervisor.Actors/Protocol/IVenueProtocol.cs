using Supervisor.Actors.Connection;

namespace Supervisor.Actors.Protocol;

/// <summary>
/// What the connection actor needs from a venue: where to connect, how to authenticate and subscribe, how to ping,
/// and what a frame means. One implementation per venue, written over that venue's codec; the actor itself is
/// venue-neutral. Implementations must be thread-safe and must not throw from <see cref="Decode"/>.
/// </summary>
public interface IVenueProtocol
{
    /// <summary>The venue's name as used in ids and logs (coinw, chainup).</summary>
    string Venue { get; }

    /// <summary>The private WebSocket endpoint.</summary>
    Uri Endpoint { get; }

    /// <summary>Headers for the upgrade request (ChainUP authenticates here).</summary>
    IReadOnlyDictionary<string, string> UpgradeHeaders { get; }

    /// <summary>True when the venue greets first and nothing may be sent before (ChainUP's <c>connect success</c>).</summary>
    bool WaitsForGreeting { get; }

    /// <summary>The login frame to send once connected (CoinW), or null when the venue has none.</summary>
    byte[]? LoginFrame { get; }

    /// <summary>The channels to hold on every connection.</summary>
    IReadOnlyList<SubscriptionRequest> Subscriptions { get; }

    /// <summary>Ping timing.</summary>
    HeartbeatSettings Heartbeat { get; }

    /// <summary>Subscription rate limit and ack handling.</summary>
    SubscriptionSettings SubscriptionSettings { get; }

    /// <summary>The ping frame for now (ChainUP puts the time in it).</summary>
    byte[] PingFrame(DateTimeOffset now);

    /// <summary>Classifies one frame; never throws.</summary>
    ProtocolFrame Decode(byte[] frame, bool isBinary);
}
