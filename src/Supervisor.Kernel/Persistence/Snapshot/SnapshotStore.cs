namespace Supervisor.Kernel.Persistence.Snapshot;

/// <summary>The snapshot-store SPI (Akka's names, with cancellation tokens).</summary>
public abstract class SnapshotStore
{
    /// <summary>The newest snapshot matching <paramref name="criteria"/>, or null.</summary>
    public abstract Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Stores a snapshot.</summary>
    public abstract Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default);

    /// <summary>Deletes one snapshot.</summary>
    public abstract Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Deletes the snapshots matching <paramref name="criteria"/>.</summary>
    public abstract Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);
}
