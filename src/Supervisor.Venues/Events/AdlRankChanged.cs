namespace Supervisor.Venues.Events;

/// <summary>
/// A position's auto-deleveraging rank (1 = first in line) and the risk figures ChainUP's ADL_PRICE sends with it:
/// <c>al</c>, <c>rp</c>, <c>ha</c>, <c>mr</c>, and the market prices <c>bo</c>, <c>so</c>, <c>lt</c>, <c>tp</c>.
/// <see cref="Instrument"/> is "" when the decoder has not seen the position; the state knows it. The state journals
/// the rank and risk figures; the market prices move every second and are kept in memory only, as marks are
/// (<see cref="WithoutMarket"/>).
/// </summary>
public sealed record AdlRankChanged(string Venue, string PositionId, string Instrument, int Rank) : VenueEvent(Venue)
{
    /// <summary>Estimated liquidation price (<c>rp</c>).</summary>
    public decimal? LiquidationPrice { get; init; }

    /// <summary>The position's margin (<c>ha</c>).</summary>
    public decimal? PositionMargin { get; init; }

    /// <summary>Margin rate (<c>mr</c>).</summary>
    public decimal? MarginRate { get; init; }

    /// <summary>Best bid (<c>bo</c>, "buy one").</summary>
    public decimal? BestBid { get; init; }

    /// <summary>Best ask (<c>so</c>, "sell one").</summary>
    public decimal? BestAsk { get; init; }

    /// <summary>Last traded price (<c>lt</c>).</summary>
    public decimal? LastPrice { get; init; }

    /// <summary>Mark price (<c>tp</c>, "tag price"; the docs' sample has 22 significant digits).</summary>
    public decimal? MarkPrice { get; init; }

    /// <summary>The part the journal keeps: the rank and the position's risk figures, without the market prices.</summary>
    public AdlRankChanged WithoutMarket() => this with { BestBid = null, BestAsk = null, LastPrice = null, MarkPrice = null };

    /// <summary>This item with the market prices of <paramref name="other"/>.</summary>
    public AdlRankChanged WithMarketOf(AdlRankChanged other) =>
        this with { BestBid = other.BestBid, BestAsk = other.BestAsk, LastPrice = other.LastPrice, MarkPrice = other.MarkPrice };
}
