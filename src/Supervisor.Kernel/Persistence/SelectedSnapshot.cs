namespace Supervisor.Kernel.Persistence;

/// <summary>A loaded snapshot.</summary>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, object Snapshot);
