using Supervisor.Actors.Connection;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;

namespace Supervisor.Actors.Protocol;

/// <summary>
/// CoinW futures for one account: login with key and secret after connecting, the five private channels, a ping
/// every 10 s with a 5 s pong deadline (CoinW drops sockets silent for 60 s), subscribe requests at 3 per second
/// (below every documented per-channel limit). A bare error (no channel named) is taken as the answer to the oldest
/// pending subscription, as coinw.md advises.
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
    public HeartbeatSettings Heartbeat { get; init; } = new() { Interval = TimeSpan.FromSeconds(10), PongTimeout = TimeSpan.FromSeconds(5), SilenceTimeout = TimeSpan.FromSeconds(45) };

    /// <inheritdoc />
    public SubscriptionSettings SubscriptionSettings { get; init; } = new() { MaxRequestsPerWindow = 3, Window = TimeSpan.FromSeconds(1) };

    /// <inheritdoc />
    public byte[] PingFrame(DateTimeOffset now) => CoinWCodec.Ping();

    /// <inheritdoc />
    public ProtocolFrame Decode(byte[] frame, bool isBinary)
    {
        var result = _codec.Decode(frame);
        if (result.Error is { } error)
        {
            return new ProtocolFrame.Malformed($"{error.Kind}: {error.Message}");
        }
        if (result.Events.Count > 0)
        {
            return new ProtocolFrame.Events([.. result.Events]);
        }
        return result.Control.Count == 0 ? new ProtocolFrame.Ignored() : result.Control[0] switch
        {
            ControlFrame.LoginReply { Accepted: true } => new ProtocolFrame.LoginAccepted(),
            ControlFrame.LoginReply login => new ProtocolFrame.LoginRejected($"{login.ErrorCode} {login.ErrorMessage}".Trim()),
            ControlFrame.SubscriptionReply { Subscribe: true, Accepted: true, Channel: { } channel } => new ProtocolFrame.SubscribeAcked(channel),
            ControlFrame.SubscriptionReply { Subscribe: true } rejected => new ProtocolFrame.SubscribeRejected(rejected.Channel, $"{rejected.ErrorCode} {rejected.ErrorMessage}".Trim()),
            ControlFrame.Pong => new ProtocolFrame.Pong(),
            ControlFrame.Error bare => new ProtocolFrame.SubscribeRejected(null, $"{bare.ErrorCode} {bare.ErrorMessage}"),
            _ => new ProtocolFrame.Ignored(),
        };
    }
}
