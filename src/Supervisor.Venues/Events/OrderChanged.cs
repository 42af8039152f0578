namespace Supervisor.Venues.Events;

/// <summary>
/// An order's full current state; terminal statuses take it out of the open orders. <see cref="Side"/> is null when
/// the venue does not say (ChainUP's order push has no side; REST reconciliation fills it in).
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
    /// <summary>Filled, cancelled or rejected.</summary>
    public bool IsTerminal => Status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected;
}
