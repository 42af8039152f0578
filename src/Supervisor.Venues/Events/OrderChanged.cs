namespace Supervisor.Venues.Events;

/// <summary>
/// An order's current state; terminal statuses take it out of the open orders. A field the channel does not carry is
/// null (<see cref="Side"/> too: ChainUP's order push has no side; REST reconciliation fills it in), and the state
/// keeps what it knew of such a field (<see cref="Over"/>): an order's side, leverage or type never change.
/// CoinW <c>order</c>: <c>orderPrice</c>, <c>totalPiece</c>, <c>currentPiece</c> (what is left), <c>orderStatus</c>,
/// <c>posType</c>, <c>originalType</c>, <c>leverage</c>, <c>positionModel</c>, <c>margin</c>,
/// <c>positionMargin</c>, <c>fee</c>, <c>frozenFee</c>, <c>makerFee</c>, <c>takerFee</c>, <c>baseSize</c>,
/// <c>liquidateBy</c>, <c>source</c>, <c>createdDate</c>, <c>updatedDate</c>. ChainUP <c>order</c>: <c>price</c>,
/// <c>volume</c>, <c>dealVolume</c>, <c>orderAction</c>, <c>type</c>, <c>avgPrice</c>, <c>tradeFee</c>,
/// <c>realizedAmount</c>, <c>otoOrder</c>.
/// </summary>
public sealed record OrderChanged(
    string Venue,
    string OrderId,
    string Instrument,
    TradeSide? Side,
    decimal Price,
    decimal Quantity,
    decimal FilledQuantity,
    OrderStatus Status) : VenueEvent(Venue)
{
    /// <summary>One of <see cref="OrderTypes"/> (CoinW <c>posType</c>, ChainUP <c>type</c>), or the venue's code as sent.</summary>
    public string? OrderType { get; init; }

    /// <summary>The type the order was placed as (CoinW <c>originalType</c>: a fired trigger order is <c>trigger</c> here).</summary>
    public string? OriginalOrderType { get; init; }

    /// <summary>CoinW <c>leverage</c>.</summary>
    public decimal? Leverage { get; init; }

    /// <summary>CoinW <c>positionModel</c>.</summary>
    public MarginMode? MarginMode { get; init; }

    /// <summary>Margin the order holds (CoinW <c>margin</c>).</summary>
    public decimal? Margin { get; init; }

    /// <summary>Margin of the position the order built (CoinW <c>positionMargin</c>).</summary>
    public decimal? PositionMargin { get; init; }

    /// <summary>Average fill price (ChainUP <c>avgPrice</c>).</summary>
    public decimal? AveragePrice { get; init; }

    /// <summary>Fees charged on the order so far (CoinW <c>fee</c>, ChainUP <c>tradeFee</c>).</summary>
    public decimal? Fee { get; init; }

    /// <summary>Fees held for the unfilled part (CoinW <c>frozenFee</c>).</summary>
    public decimal? FrozenFee { get; init; }

    /// <summary>Maker fee rate (CoinW <c>makerFee</c>).</summary>
    public decimal? MakerFeeRate { get; init; }

    /// <summary>Taker fee rate (CoinW <c>takerFee</c>).</summary>
    public decimal? TakerFeeRate { get; init; }

    /// <summary>Profit realized by the order so far (ChainUP <c>realizedAmount</c>).</summary>
    public decimal? RealizedPnl { get; init; }

    /// <summary>The size in the base currency (CoinW <c>baseSize</c>).</summary>
    public decimal? BaseQuantity { get; init; }

    /// <summary>Who closed or liquidated through this order (CoinW <c>liquidateBy</c>, e.g. <c>manual</c>).</summary>
    public string? LiquidatedBy { get; init; }

    /// <summary>Where the order was placed (CoinW <c>source</c>: <c>api</c>, <c>web</c>).</summary>
    public string? Source { get; init; }

    /// <summary>The take-profit / stop-loss attached to the order (ChainUP <c>otoOrder</c>).</summary>
    public TakeProfitStopLoss? TakeProfitStopLoss { get; init; }

    /// <summary>CoinW <c>createdDate</c>.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>CoinW <c>updatedDate</c>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Filled, cancelled or rejected.</summary>
    public bool IsTerminal => Status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected;

    /// <summary>
    /// This order, with what it does not say taken from <paramref name="known"/>. What never changes over an order's
    /// life (side, type, leverage, margin mode, fee rates, size, origin, attached take-profit / stop-loss, creation) is
    /// always kept; what moves with its fills (fees, margins, average price, profit, update time) only while the filled
    /// quantity and status are the same, else it would be a figure of an earlier fill.
    /// </summary>
    public OrderChanged Over(OrderChanged known)
    {
        var attributes = this with
        {
            Side = Side ?? known.Side,
            OrderType = OrderType ?? known.OrderType,
            OriginalOrderType = OriginalOrderType ?? known.OriginalOrderType,
            Leverage = Leverage ?? known.Leverage,
            MarginMode = MarginMode ?? known.MarginMode,
            MakerFeeRate = MakerFeeRate ?? known.MakerFeeRate,
            TakerFeeRate = TakerFeeRate ?? known.TakerFeeRate,
            BaseQuantity = BaseQuantity ?? known.BaseQuantity,
            LiquidatedBy = LiquidatedBy ?? known.LiquidatedBy,
            Source = Source ?? known.Source,
            TakeProfitStopLoss = TakeProfitStopLoss ?? known.TakeProfitStopLoss,
            CreatedAt = CreatedAt ?? known.CreatedAt,
        };
        return FilledQuantity != known.FilledQuantity || Status != known.Status ? attributes : attributes with
        {
            Margin = Margin ?? known.Margin,
            PositionMargin = PositionMargin ?? known.PositionMargin,
            AveragePrice = AveragePrice ?? known.AveragePrice,
            Fee = Fee ?? known.Fee,
            FrozenFee = FrozenFee ?? known.FrozenFee,
            RealizedPnl = RealizedPnl ?? known.RealizedPnl,
            UpdatedAt = UpdatedAt ?? known.UpdatedAt,
        };
    }
}
