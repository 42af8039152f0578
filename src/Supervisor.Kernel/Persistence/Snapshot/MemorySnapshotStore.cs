namespace Supervisor.Kernel.Persistence.Snapshot;

/// <summary>A snapshot store in memory, for tests; saves can be switched to fail.</summary>
public sealed class MemorySnapshotStore : SnapshotStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<SelectedSnapshot>> _snapshots = new(StringComparer.Ordinal);

    /// <summary>When true, saves fail as a storage error would.</summary>
    public bool FailSaves { get; set; }

    /// <inheritdoc />
    public override Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            SelectedSnapshot? best = null;
            if (_snapshots.TryGetValue(persistenceId, out var list))
            {
                foreach (var snapshot in list)
                {
                    if (criteria.IsMatch(snapshot.Metadata) && (best is null || snapshot.Metadata.SequenceNr > best.Metadata.SequenceNr))
                    {
                        best = snapshot;
                    }
                }
            }
            return Task.FromResult(best);
        }
    }

    /// <inheritdoc />
    public override Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        if (FailSaves)
        {
            return Task.FromException(new IOException("MemorySnapshotStore: save failure (test switch)."));
        }
        lock (_lock)
        {
            if (!_snapshots.TryGetValue(metadata.PersistenceId, out var list))
            {
                _snapshots[metadata.PersistenceId] = list = [];
            }
            list.RemoveAll(s => s.Metadata.SequenceNr == metadata.SequenceNr);
            list.Add(new SelectedSnapshot(metadata, snapshot));
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_snapshots.TryGetValue(metadata.PersistenceId, out var list))
            {
                list.RemoveAll(s => s.Metadata.SequenceNr == metadata.SequenceNr);
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_snapshots.TryGetValue(persistenceId, out var list))
            {
                list.RemoveAll(s => criteria.IsMatch(s.Metadata));
            }
        }
        return Task.CompletedTask;
    }
}
