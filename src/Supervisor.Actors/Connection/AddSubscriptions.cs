namespace Supervisor.Actors.Connection;

/// <summary>
/// To a live connection (and on to its subscriptions): hold these channels too. Channels already held or pending are
/// ignored, so a request that crossed a reconnect (whose subscriptions already include it) does no harm.
/// </summary>
public sealed record AddSubscriptions(IReadOnlyList<SubscriptionRequest> Channels);
