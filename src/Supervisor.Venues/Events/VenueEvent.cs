namespace Supervisor.Venues.Events;

/// <summary>
/// A normalized account or market event decoded from a venue frame. Money and prices are <see cref="decimal"/>
/// (ChainUP sends 20+ significant digits), ids are strings (venue ids exceed 53 bits).
/// </summary>
/// <param name="Venue">The venue the event came from (coinw, chainup).</param>
public abstract record VenueEvent(string Venue);
