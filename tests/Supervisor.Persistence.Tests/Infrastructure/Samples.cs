using Supervisor.Actors.Connection;
using Supervisor.Venues.Events;

namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>Events as the venue decoders produce them (same shapes as tests/Supervisor.Actors.Tests/State/AccountStateActorTests.cs).</summary>
public static class Samples
{
    /// <summary>The venue of every sample.</summary>
    public const string Venue = "coinw";

    /// <summary>A balance with more digits than a double holds, so a lossy payload would show.</summary>
    public static readonly AssetBalanceChanged Usdt = new(Venue, "USDT", 1000.123456789012345678m, 50m, 200m) { Hold = 1.5m };

    /// <summary>A second asset.</summary>
    public static readonly AssetBalanceChanged Eth = new(Venue, "ETH", 2.5m, 0m, 0.1m);

    /// <summary>A long position.</summary>
    public static readonly PositionChanged BtcLong = new(Venue, "p-1", "BTC", TradeSide.Long, 0.5m, 85717.01833333999523920m, 10m, 4285.85m)
    {
        OpenedAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
    };

    /// <summary>A partly filled order.</summary>
    public static readonly OrderChanged OpenOrder = new(Venue, "o-1", "BTC", TradeSide.Long, 85000m, 1m, 0.25m, OrderStatus.PartiallyFilled);

    /// <summary>A frame of <paramref name="events"/>.</summary>
    public static VenueEventsReceived Frame(params object[] events) => new(events);
}
