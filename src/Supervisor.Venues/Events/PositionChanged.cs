namespace Supervisor.Venues.Events;

/// <summary>
/// A position opened or changed; the record is the position's full current state as the channel that sent it
/// describes it (a field that channel does not carry is null). CoinW <c>position</c>: <c>currentPiece</c>,
/// <c>openPrice</c>, <c>leverage</c>, <c>margin</c>, <c>positionMargin</c>, <c>positionModel</c>, <c>fee</c>,
/// <c>fundingSettle</c>, <c>closedPiece</c>, <c>baseSize</c>, <c>createdDate</c>, <c>updatedDate</c>; its REST
/// snapshot adds <c>liquidationPrice</c>, <c>profitUnreal</c>, <c>profitReal</c>. ChainUP <c>ACCOUNT_UPDATE.p</c>:
/// <c>pv</c>, <c>op</c>, <c>l</c>, <c>hm</c>, <c>pt</c>, <c>rp</c>, <c>ra</c>, <c>mr</c>, <c>oa</c>, <c>ccv</c>.
/// </summary>
public sealed record PositionChanged(
    string Venue,
    string PositionId,
    string Instrument,
    TradeSide Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal Leverage,
    decimal Margin) : VenueEvent(Venue)
{
    /// <summary>Isolated or cross (CoinW <c>positionModel</c>, ChainUP <c>pt</c>).</summary>
    public MarginMode? MarginMode { get; init; }

    /// <summary>Estimated liquidation price (ChainUP <c>rp</c>, CoinW REST <c>liquidationPrice</c>).</summary>
    public decimal? LiquidationPrice { get; init; }

    /// <summary>Unrealized profit as the venue values it (CoinW REST <c>profitUnreal</c>); the state also values every position at its mark.</summary>
    public decimal? UnrealizedPnl { get; init; }

    /// <summary>Profit realized on this position so far (ChainUP <c>ra</c>, CoinW REST <c>profitReal</c>).</summary>
    public decimal? RealizedPnl { get; init; }

    /// <summary>The position's margin as CoinW states it apart from <see cref="PositionChanged.Margin"/> (<c>positionMargin</c>).</summary>
    public decimal? PositionMargin { get; init; }

    /// <summary>Opening margin (ChainUP <c>oa</c>).</summary>
    public decimal? InitialMargin { get; init; }

    /// <summary>Margin rate (ChainUP <c>mr</c>).</summary>
    public decimal? MarginRate { get; init; }

    /// <summary>Fees paid on this position so far (CoinW <c>fee</c>).</summary>
    public decimal? Fee { get; init; }

    /// <summary>Funding settled on this position so far (CoinW <c>fundingSettle</c>).</summary>
    public decimal? FundingFee { get; init; }

    /// <summary>Contracts closed so far (CoinW <c>closedPiece</c>).</summary>
    public decimal? ClosedQuantity { get; init; }

    /// <summary>Contracts that can be closed now (ChainUP <c>ccv</c>).</summary>
    public decimal? ClosableQuantity { get; init; }

    /// <summary>The size in the base currency (CoinW <c>baseSize</c>).</summary>
    public decimal? BaseQuantity { get; init; }

    /// <summary>When the position was opened (CoinW <c>createdDate</c>).</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>When the venue last changed it (CoinW <c>updatedDate</c>).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// This position, with what it does not say taken from <paramref name="known"/> — only while size, entry, side,
    /// leverage and margin are the same: once they moved, what only the other source said (a base size, a fee, a
    /// liquidation price) describes the position as it was, and is dropped rather than kept stale.
    /// </summary>
    public PositionChanged Over(PositionChanged known) => !SameCore(known) ? this : this with
    {
        MarginMode = MarginMode ?? known.MarginMode,
        LiquidationPrice = LiquidationPrice ?? known.LiquidationPrice,
        UnrealizedPnl = UnrealizedPnl ?? known.UnrealizedPnl,
        RealizedPnl = RealizedPnl ?? known.RealizedPnl,
        PositionMargin = PositionMargin ?? known.PositionMargin,
        InitialMargin = InitialMargin ?? known.InitialMargin,
        MarginRate = MarginRate ?? known.MarginRate,
        Fee = Fee ?? known.Fee,
        FundingFee = FundingFee ?? known.FundingFee,
        ClosedQuantity = ClosedQuantity ?? known.ClosedQuantity,
        ClosableQuantity = ClosableQuantity ?? known.ClosableQuantity,
        BaseQuantity = BaseQuantity ?? known.BaseQuantity,
        OpenedAt = OpenedAt ?? known.OpenedAt,
        UpdatedAt = UpdatedAt ?? known.UpdatedAt,
    };

    private bool SameCore(PositionChanged other) =>
        PositionId == other.PositionId && Side == other.Side && Quantity == other.Quantity && EntryPrice == other.EntryPrice
        && Leverage == other.Leverage && Margin == other.Margin;
}
