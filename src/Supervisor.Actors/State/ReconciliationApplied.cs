using Supervisor.Venues.Events;

namespace Supervisor.Actors.State;

/// <summary>
/// Journal marker written in the same atomic batch as, and right before, the <paramref name="Differences"/> events that
/// a reconciliation found between the persisted state and the venue's REST snapshot: those events came from
/// reconciliation, not from a push.
/// </summary>
public sealed record ReconciliationApplied(string Venue, DateTimeOffset At, int Differences) : VenueEvent(Venue);
