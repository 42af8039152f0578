using Supervisor.Venues.Events;

namespace Supervisor.Actors.State;

/// <summary>
/// An order we held as open that the venue's open-order list no longer has: it was filled or cancelled while no push
/// reached us (the snapshot does not say which). Written only by reconciliation.
/// </summary>
public sealed record OrderVanished(string Venue, string OrderId, string Instrument) : VenueEvent(Venue);
