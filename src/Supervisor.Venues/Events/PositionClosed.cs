namespace Supervisor.Venues.Events;

/// <summary>A position was closed.</summary>
public sealed record PositionClosed(string Venue, string PositionId, string Instrument) : VenueEvent(Venue);
