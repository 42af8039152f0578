namespace Supervisor.Kernel.Persistence;

/// <summary>Identifies a snapshot.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);
