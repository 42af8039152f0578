using Supervisor.Actors.Connection;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.Decoding;

namespace Supervisor.Actors.Protocol;

/// <summary>
/// A ChainUP-cloud tenant (coinlocally, exchange1 …) for one account: API key in the upgrade headers, wait for
/// <c>connect success</c>, one <c>sub</c> with the broker id, <c>{"ping":ms}</c> every 20 s (the server drops sockets
/// without a ping for 40 s), dead after 45 s of silence. Bad credentials are not documented to produce any reply, so a
/// missing <c>sub success</c> counts as a rejected subscription and repeated ones fail the connection (backoff).
/// The codec's memory of positions (to merge ACCOUNT_UPDATE's partial UPDATEs) is kept across reconnects: until REST
/// reconciliation exists, the last known position is a better base for a partial update than none at all.
/// </summary>
public sealed class ChainUpProtocol(Uri endpoint, ApiCredentials credentials, int broker, string tenant = ChainUpCodec.Venue) : IVenueProtocol
{
    private const string SubscriptionKey = "all";
    private readonly ChainUpCodec _codec = new();

    /// <inheritdoc />
    public string Venue => tenant;

    /// <inheritdoc />
    public Uri Endpoint => endpoint;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> UpgradeHeaders { get; } = ChainUpCodec.ApiKeyHeaders(credentials.ApiKey);

    /// <inheritdoc />
    public bool WaitsForGreeting => true;

    /// <inheritdoc />
    public byte[]? LoginFrame => null;

    /// <inheritdoc />
    public IReadOnlyList<SubscriptionRequest> Subscriptions { get; } = [new(SubscriptionKey, ChainUpCodec.Subscribe(credentials.ApiKey, broker))];

    /// <inheritdoc />
    public HeartbeatSettings Heartbeat { get; init; } = new() { Interval = TimeSpan.FromSeconds(20), PongTimeout = TimeSpan.FromSeconds(10), SilenceTimeout = TimeSpan.FromSeconds(45) };

    /// <inheritdoc />
    public SubscriptionSettings SubscriptionSettings { get; init; } = new() { MaxRequestsPerWindow = 1, Window = TimeSpan.FromSeconds(1), AckTimeout = TimeSpan.FromSeconds(10) };

    /// <inheritdoc />
    public byte[] PingFrame(DateTimeOffset now) => ChainUpCodec.Ping(now);

    /// <inheritdoc />
    public ProtocolFrame Decode(byte[] frame, bool isBinary)
    {
        var result = _codec.Decode(frame, isBinary);
        if (result.Error is { } error)
        {
            return new ProtocolFrame.Malformed($"{error.Kind}: {error.Message}", error.Kind);
        }
        if (result.Events.Count > 0)
        {
            return new ProtocolFrame.Events([.. result.Events]);
        }
        switch (result.Control.Count == 0 ? null : result.Control[0])
        {
            case ControlFrame.Greeting:
                return new ProtocolFrame.Greeting();
            case ControlFrame.SubscriptionReply { Accepted: true }:
                return new ProtocolFrame.SubscribeAcked(SubscriptionKey);
            case ControlFrame.Pong:
                return new ProtocolFrame.Pong();
            case ControlFrame.Shutdown shutdown:
                return new ProtocolFrame.VenueClosing(shutdown.Reason);
            default:
                return new ProtocolFrame.Ignored();
        }
    }
}
