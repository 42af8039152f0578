namespace Supervisor.Venues.Events;

/// <summary>A new mark price of an instrument.</summary>
public sealed record MarkPriceChanged(string Venue, string Instrument, decimal Price) : VenueEvent(Venue);
