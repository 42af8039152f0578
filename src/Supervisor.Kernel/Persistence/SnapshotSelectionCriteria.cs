namespace Supervisor.Kernel.Persistence;

/// <summary>Which snapshots qualify: sequence number and timestamp bounds, inclusive.</summary>
public sealed record SnapshotSelectionCriteria(long MaxSequenceNr, DateTimeOffset MaxTimestamp, long MinSequenceNr = 0, DateTimeOffset? MinTimestamp = null)
{
    /// <summary>The newest snapshot.</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTimeOffset.MaxValue);

    /// <summary>No snapshot.</summary>
    public static SnapshotSelectionCriteria None { get; } = new(0, DateTimeOffset.MinValue);

    /// <summary>Whether <paramref name="metadata"/> qualifies.</summary>
    public bool IsMatch(SnapshotMetadata metadata) =>
        metadata.SequenceNr <= MaxSequenceNr && metadata.Timestamp <= MaxTimestamp
        && metadata.SequenceNr >= MinSequenceNr && (MinTimestamp is null || metadata.Timestamp >= MinTimestamp);
}
