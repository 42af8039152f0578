using Supervisor.Actors.Connection;
using Supervisor.Actors.Market;
using Supervisor.Venues.CoinW;

namespace Supervisor.Actors.Protocol;

/// <summary>
/// CoinW's public side of the same <c>/perpum</c> socket: no login, one <c>mark_price</c> subscription per instrument
/// (pairCode sent in lower case; acks echo it as sent, pushes carry it in lower case — coinw.md §5), the same ping as
/// the private side. One connection for all accounts of the venue.
/// </summary>
public sealed class CoinWMarketProtocol(Uri endpoint, CoinWCodec? codec = null) : IMarketDataProtocol
{
    private const string Channel = "mark_price";
    private readonly CoinWCodec _codec = codec ?? new CoinWCodec();

    /// <inheritdoc />
    public string Venue => CoinWCodec.Venue;

    /// <inheritdoc />
    public string AccountVenue => CoinWCodec.Venue;

    /// <inheritdoc />
    public Uri Endpoint => endpoint;

    /// <inheritdoc />
    public MarketInstruments Instruments { get; } = new();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> UpgradeHeaders { get; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public bool WaitsForGreeting => false;

    /// <inheritdoc />
    public byte[]? LoginFrame => null;

    /// <inheritdoc />
    public IReadOnlyList<SubscriptionRequest> Subscriptions => [.. Instruments.Current.Select(SubscriptionFor)];

    /// <inheritdoc />
    public HeartbeatSettings Heartbeat { get; init; } = CoinWProtocol.DefaultHeartbeat;

    /// <inheritdoc />
    public SubscriptionSettings SubscriptionSettings { get; init; } = CoinWProtocol.DefaultSubscriptions;

    /// <inheritdoc />
    public SubscriptionRequest SubscriptionFor(string instrument) =>
        new(Key(instrument), CoinWCodec.Subscribe(Channel, instrument.ToLowerInvariant()));

    /// <inheritdoc />
    public byte[] PingFrame(DateTimeOffset now) => CoinWCodec.Ping();

    /// <inheritdoc />
    public ProtocolFrame Decode(byte[] frame, bool isBinary) =>
        CoinWFrames.Classify(_codec.Decode(frame), static reply => reply is { Channel: Channel, PairCode: { } pair } ? Key(pair) : null);

    private static string Key(string instrument) => $"{Channel}:{instrument.ToUpperInvariant()}";
}
