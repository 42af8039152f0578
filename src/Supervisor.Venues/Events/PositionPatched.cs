namespace Supervisor.Venues.Events;

/// <summary>
/// A partial position update for a position the decoder has not seen whole (ChainUP's ACCOUNT_UPDATE UPDATE carries
/// only the changed fields; the position may have been opened while we were disconnected). The account's state merges
/// it into the position it knows — after reconciliation it knows every open one. Null fields did not change.
/// </summary>
public sealed record PositionPatched(
    string Venue,
    string PositionId,
    TradeSide? Side,
    decimal? Quantity,
    decimal? EntryPrice,
    decimal? Leverage,
    decimal? Margin) : VenueEvent(Venue)
{
    /// <summary>ChainUP <c>pt</c>.</summary>
    public MarginMode? MarginMode { get; init; }

    /// <summary>ChainUP <c>rp</c>.</summary>
    public decimal? LiquidationPrice { get; init; }

    /// <summary>ChainUP <c>ra</c>.</summary>
    public decimal? RealizedPnl { get; init; }

    /// <summary>ChainUP <c>oa</c>.</summary>
    public decimal? InitialMargin { get; init; }

    /// <summary>ChainUP <c>mr</c>.</summary>
    public decimal? MarginRate { get; init; }

    /// <summary>ChainUP <c>ccv</c>.</summary>
    public decimal? ClosableQuantity { get; init; }

    /// <summary><paramref name="known"/> with the fields this patch carries.</summary>
    public PositionChanged Onto(PositionChanged known) => known with
    {
        Side = Side ?? known.Side,
        Quantity = Quantity ?? known.Quantity,
        EntryPrice = EntryPrice ?? known.EntryPrice,
        Leverage = Leverage ?? known.Leverage,
        Margin = Margin ?? known.Margin,
        MarginMode = MarginMode ?? known.MarginMode,
        LiquidationPrice = LiquidationPrice ?? known.LiquidationPrice,
        RealizedPnl = RealizedPnl ?? known.RealizedPnl,
        InitialMargin = InitialMargin ?? known.InitialMargin,
        MarginRate = MarginRate ?? known.MarginRate,
        ClosableQuantity = ClosableQuantity ?? known.ClosableQuantity,
    };
}
