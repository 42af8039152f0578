using Supervisor.Venues.Events;

namespace Supervisor.Actors.State;

/// <summary>
/// A trigger order we held as waiting that the venue's trigger-order list no longer has: it fired or was cancelled
/// while no push reached us (the snapshot does not say which). Written only by reconciliation.
/// </summary>
public sealed record TriggerOrderVanished(string Venue, string OrderId, string Instrument) : VenueEvent(Venue);
