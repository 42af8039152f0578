namespace Supervisor.Venues.Events;

/// <summary>The auto-deleveraging rank of a position (1 = first in line).</summary>
public sealed record AdlRankChanged(string Venue, string PositionId, string Instrument, int Rank) : VenueEvent(Venue);
