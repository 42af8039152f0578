namespace Supervisor.Actors.Tests;

/// <summary>What a replay of one persistence id found.</summary>
/// <param name="SnapshotSequenceNr">The sequence number of the snapshot it started from, or null.</param>
/// <param name="Events">The events replayed after it, in order.</param>
public sealed record JournalContents(long? SnapshotSequenceNr, IReadOnlyList<object> Events);
