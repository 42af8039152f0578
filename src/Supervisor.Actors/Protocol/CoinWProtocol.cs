using Supervisor.Actors.Connection;
using Supervisor.Venues.CoinW;

namespace Supervisor.Actors.Protocol;

/// <summary>
/// CoinW futures for one account: login with key and secret after connecting, the five private channels, a ping
/// every 10 s with a 5 s pong deadline (CoinW drops sockets silent for 60 s), subscribe requests at 3 per second
/// (below every documented per-channel limit).
/// </summary>
public sealed class CoinWProtocol(Uri endpoint, ApiCredentials credentials, CoinWCodec? codec = null) : IVenueProtocol
{
    private readonly CoinWCodec _codec = codec ?? new CoinWCodec();

    /// <summary>The public endpoint of CoinW futures.</summary>
    public static Uri DefaultEndpoint { get; } = new("wss://ws.futurescw.com/perpum");

    /// <inheritdoc />
    public string Venue => CoinWCodec.Venue;

    /// <inheritdoc />
    public Uri Endpoint => endpoint;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> UpgradeHeaders { get; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public bool WaitsForGreeting => false;

    /// <inheritdoc />
    public byte[]? LoginFrame => CoinWCodec.Login(credentials.ApiKey, credentials.Secret);

    /// <inheritdoc />
    public IReadOnlyList<SubscriptionRequest> Subscriptions { get; } =
        [.. CoinWCodec.PrivateChannels.Select(channel => new SubscriptionRequest(channel, CoinWCodec.Subscribe(channel)))];

    /// <inheritdoc />
    public HeartbeatSettings Heartbeat { get; init; } = DefaultHeartbeat;

    /// <inheritdoc />
    public SubscriptionSettings SubscriptionSettings { get; init; } = DefaultSubscriptions;

    /// <summary>The ping timing of either side of <c>/perpum</c>.</summary>
    internal static HeartbeatSettings DefaultHeartbeat { get; } = new() { Interval = TimeSpan.FromSeconds(10), PongTimeout = TimeSpan.FromSeconds(5), SilenceTimeout = TimeSpan.FromSeconds(45) };

    /// <summary>The subscribe rate of either side of <c>/perpum</c>.</summary>
    internal static SubscriptionSettings DefaultSubscriptions { get; } = new() { MaxRequestsPerWindow = 3, Window = TimeSpan.FromSeconds(1) };

    /// <inheritdoc />
    public byte[] PingFrame(DateTimeOffset now) => CoinWCodec.Ping();

    /// <inheritdoc />
    public ProtocolFrame Decode(byte[] frame, bool isBinary) => CoinWFrames.Classify(_codec.Decode(frame), static reply => reply.Channel);
}
