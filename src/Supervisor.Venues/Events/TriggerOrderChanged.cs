namespace Supervisor.Venues.Events;

/// <summary>
/// A trigger (conditional) order's current state; as with <see cref="OrderChanged"/>, a field the channel does not
/// carry is null and the state keeps what it knew (<see cref="Over"/>). CoinW sends trigger orders on the order channel
/// (<c>triggerPrice</c>, <c>orderPrice</c>, <c>totalPiece</c>, <c>leverage</c>, <c>positionModel</c>, <c>source</c>,
/// <c>createdDate</c>, <c>updatedDate</c>); ChainUP <c>trigOrder</c>: <c>triggerPrice</c>, <c>price</c>,
/// <c>volume</c>, <c>side</c>, <c>type</c>, <c>triggerType</c>, <c>ctime</c>, <c>expireTime</c>, <c>orderAction</c>.
/// </summary>
public sealed record TriggerOrderChanged(
    string Venue,
    string OrderId,
    string Instrument,
    TradeSide Side,
    decimal TriggerPrice,
    decimal Quantity,
    OrderStatus Status) : VenueEvent(Venue)
{
    /// <summary>The price of the order placed when it fires (CoinW <c>orderPrice</c>, ChainUP <c>price</c>; 0 at market).</summary>
    public decimal? Price { get; init; }

    /// <summary>The type of that order: <see cref="OrderTypes.Limit"/> or <see cref="OrderTypes.Market"/> (ChainUP <c>type</c>).</summary>
    public string? OrderType { get; init; }

    /// <summary>What makes it fire: one of the trigger kinds of <see cref="OrderTypes"/> (ChainUP <c>triggerType</c>), or the code as sent.</summary>
    public string? TriggerKind { get; init; }

    /// <summary>CoinW <c>leverage</c>.</summary>
    public decimal? Leverage { get; init; }

    /// <summary>CoinW <c>positionModel</c>.</summary>
    public MarginMode? MarginMode { get; init; }

    /// <summary>CoinW <c>source</c>.</summary>
    public string? Source { get; init; }

    /// <summary>CoinW <c>createdDate</c>, ChainUP <c>ctime</c>.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>CoinW <c>updatedDate</c>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When it lapses unfired (ChainUP <c>expireTime</c>).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Triggered into a fill, cancelled or rejected.</summary>
    public bool IsTerminal => Status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected;

    /// <summary>This trigger order, with what it does not say taken from <paramref name="known"/> (ChainUP names no contract: "").</summary>
    public TriggerOrderChanged Over(TriggerOrderChanged known) => this with
    {
        Instrument = Instrument.Length > 0 ? Instrument : known.Instrument,
        Price = Price ?? known.Price,
        OrderType = OrderType ?? known.OrderType,
        TriggerKind = TriggerKind ?? known.TriggerKind,
        Leverage = Leverage ?? known.Leverage,
        MarginMode = MarginMode ?? known.MarginMode,
        Source = Source ?? known.Source,
        CreatedAt = CreatedAt ?? known.CreatedAt,
        UpdatedAt = UpdatedAt ?? known.UpdatedAt,
        ExpiresAt = ExpiresAt ?? known.ExpiresAt,
    };
}
