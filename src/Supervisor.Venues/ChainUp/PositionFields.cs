namespace Supervisor.Venues.ChainUp;

/// <summary>
/// The position part (<c>d.p</c>) of an ACCOUNT_UPDATE as it came: an UPDATE carries only the fields that changed, so
/// every field but the id may be missing (null).
/// </summary>
internal sealed record PositionFields(string Id, string? Instrument, string? Side, decimal? Quantity, decimal? EntryPrice, decimal? Leverage, decimal? Margin);
