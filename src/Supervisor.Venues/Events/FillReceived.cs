namespace Supervisor.Venues.Events;

/// <summary>
/// A trade of ours (CoinW <c>position_change</c>): <c>id</c>, <c>orderId</c>, <c>realPrice</c>, <c>totalPiece</c>,
/// <c>fee</c>, <c>openId</c>, <c>netProfit</c>, <c>feeRate</c>, <c>takerMaker</c>, <c>status</c>,
/// <c>openPrice</c>, <c>closePrice</c>, <c>leverage</c>, <c>positionModel</c>, <c>fundingSettle</c>,
/// <c>currentPiece</c>, <c>liquidateBy</c>, <c>source</c>, <c>createdDate</c>.
/// </summary>
public sealed record FillReceived(string Venue, string FillId, string OrderId, string Instrument, TradeSide Side, decimal Price, decimal Quantity, decimal Fee)
    : VenueEvent(Venue)
{
    /// <summary>The position the fill opened, grew or closed (CoinW <c>openId</c>).</summary>
    public string? PositionId { get; init; }

    /// <summary>Net profit the fill realized (CoinW <c>netProfit</c>; 0 on opening fills).</summary>
    public decimal? RealizedPnl { get; init; }

    /// <summary>CoinW <c>feeRate</c>.</summary>
    public decimal? FeeRate { get; init; }

    /// <summary>CoinW <c>takerMaker</c>.</summary>
    public Liquidity? Liquidity { get; init; }

    /// <summary>Whether the fill closed (part of) a position (CoinW <c>status</c> <c>close</c>) rather than opened or grew it.</summary>
    public bool? Closing { get; init; }

    /// <summary>The position's entry price (CoinW <c>openPrice</c>).</summary>
    public decimal? EntryPrice { get; init; }

    /// <summary>The closing price (CoinW <c>closePrice</c>; 0 while open).</summary>
    public decimal? ClosePrice { get; init; }

    /// <summary>CoinW <c>leverage</c>.</summary>
    public decimal? Leverage { get; init; }

    /// <summary>CoinW <c>positionModel</c>.</summary>
    public MarginMode? MarginMode { get; init; }

    /// <summary>Funding settled with the fill (CoinW <c>fundingSettle</c>).</summary>
    public decimal? FundingFee { get; init; }

    /// <summary>The position's size in contracts after the fill (CoinW <c>currentPiece</c>).</summary>
    public decimal? PositionQuantity { get; init; }

    /// <summary>CoinW <c>liquidateBy</c>.</summary>
    public string? LiquidatedBy { get; init; }

    /// <summary>CoinW <c>source</c>.</summary>
    public string? Source { get; init; }

    /// <summary>When it executed (CoinW <c>createdDate</c>).</summary>
    public DateTimeOffset? ExecutedAt { get; init; }
}
