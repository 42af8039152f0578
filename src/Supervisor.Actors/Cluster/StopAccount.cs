namespace Supervisor.Actors.Cluster;

/// <summary>
/// The shard's hand-off stop message: the account stops once its state actor has acknowledged every event it queued,
/// so the node that takes the account over recovers the whole history, not a journal still being written.
/// </summary>
public sealed record StopAccount
{
    /// <summary>The one instance.</summary>
    public static StopAccount Instance { get; } = new();
}
