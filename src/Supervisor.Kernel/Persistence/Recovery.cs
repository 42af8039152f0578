namespace Supervisor.Kernel.Persistence;

/// <summary>How a persistent actor recovers: from which snapshot, up to which sequence number, at most how many events.</summary>
public sealed record Recovery(SnapshotSelectionCriteria FromSnapshot, long ToSequenceNr = long.MaxValue, long ReplayMax = long.MaxValue)
{
    /// <summary>Latest snapshot, then every later event.</summary>
    public static Recovery Default { get; } = new(SnapshotSelectionCriteria.Latest);

    /// <summary>Skip snapshots and events (the sequence number still continues from the stored history).</summary>
    public static Recovery None { get; } = new(SnapshotSelectionCriteria.None, 0);
}
