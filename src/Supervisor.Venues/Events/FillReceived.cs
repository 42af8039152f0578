namespace Supervisor.Venues.Events;

/// <summary>A trade of ours (CoinW position_change).</summary>
public sealed record FillReceived(string Venue, string FillId, string OrderId, string Instrument, TradeSide Side, decimal Price, decimal Quantity, decimal Fee) : VenueEvent(Venue);
