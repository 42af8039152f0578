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
    decimal? Margin) : VenueEvent(Venue);
