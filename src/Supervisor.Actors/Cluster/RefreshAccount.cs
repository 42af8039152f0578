namespace Supervisor.Actors.Cluster;

/// <summary>
/// Tells an account entity that its node's registry changed: the entity compares its definition with the registry's
/// and stops (removed), restarts with the new definition (replaced) or carries on (unchanged). Safe to send to any
/// account any number of times, so every node can send it for every change it reads from the file.
/// </summary>
public sealed record RefreshAccount;
