namespace Supervisor.Venues.Events;

/// <summary>A trigger (conditional) order's full current state.</summary>
public sealed record TriggerOrderChanged(
    string Venue,
    string OrderId,
    string Instrument,
    TradeSide Side,
    decimal TriggerPrice,
    decimal Quantity,
    OrderStatus Status) : VenueEvent(Venue)
{
    /// <summary>Triggered into a fill, cancelled or rejected.</summary>
    public bool IsTerminal => Status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected;
}
