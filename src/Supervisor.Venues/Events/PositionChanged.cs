namespace Supervisor.Venues.Events;

/// <summary>A position opened or changed; the record is the position's full current state.</summary>
public sealed record PositionChanged(
    string Venue,
    string PositionId,
    string Instrument,
    TradeSide Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal Leverage,
    decimal Margin) : VenueEvent(Venue);
