using System.Collections.Concurrent;
using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Journal;
using Supervisor.Kernel.Persistence.Snapshot;

namespace Supervisor.Kernel.Tests.Persistence;

/// <summary>An in-memory journal for the persistent-actor tests, with switchable write and replay behaviour.</summary>
internal sealed class TestJournal : AsyncWriteJournal
{
    private readonly ConcurrentDictionary<string, List<IPersistentRepresentation>> _events = new();

    public enum Mode
    {
        Pass,
        Fail,
        Reject,
    }

    public Mode WriteMode { get; set; } = Mode.Pass;

    /// <summary>When set, writes wait for it.</summary>
    public Task? WriteGate { get; set; }

    /// <summary>When set, replays wait for it.</summary>
    public Task? ReplayGate { get; set; }

    public int Writes;

    public IReadOnlyList<IPersistentRepresentation> Events(string persistenceId) =>
        _events.TryGetValue(persistenceId, out var list) ? Snapshot(list) : [];

    public override async Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Writes);
        if (WriteGate is { } gate)
        {
            await gate.ConfigureAwait(false);
        }
        switch (WriteMode)
        {
            case Mode.Fail:
                throw new IOException("journal is down");
            case Mode.Reject:
                return messages.Select(_ => (Exception?)new InvalidOperationException("rejected by test")).ToList();
        }
        foreach (var write in messages)
        {
            var list = _events.GetOrAdd(write.PersistenceId, _ => []);
            lock (list)
            {
                list.AddRange(write.Payload);
            }
        }
        return null;
    }

    public override async Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback, CancellationToken cancellationToken = default)
    {
        if (ReplayGate is { } gate)
        {
            await gate.ConfigureAwait(false);
        }
        long count = 0;
        foreach (var e in Events(persistenceId))
        {
            if (e.SequenceNr >= fromSequenceNr && e.SequenceNr <= toSequenceNr && count++ < max)
            {
                recoveryCallback(e);
            }
        }
    }

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default)
    {
        var events = Events(persistenceId);
        return Task.FromResult(events.Count == 0 ? 0 : events[^1].SequenceNr);
    }

    public override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        if (_events.TryGetValue(persistenceId, out var list))
        {
            lock (list)
            {
                // The last event stays (marked in a real journal) so the highest sequence number survives.
                list.RemoveAll(e => e.SequenceNr <= toSequenceNr && e.SequenceNr != list[^1].SequenceNr);
            }
        }
        return Task.CompletedTask;
    }

    private static IReadOnlyList<IPersistentRepresentation> Snapshot(List<IPersistentRepresentation> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}

/// <summary>An in-memory snapshot store for the persistent-actor tests.</summary>
internal sealed class TestSnapshotStore : SnapshotStore
{
    private readonly ConcurrentDictionary<string, List<SelectedSnapshot>> _snapshots = new();

    public override Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        if (!_snapshots.TryGetValue(persistenceId, out var list))
        {
            return Task.FromResult<SelectedSnapshot?>(null);
        }
        lock (list)
        {
            return Task.FromResult(list.Where(s => criteria.IsMatch(s.Metadata)).MaxBy(s => s.Metadata.SequenceNr));
        }
    }

    public override Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        var list = _snapshots.GetOrAdd(metadata.PersistenceId, _ => []);
        lock (list)
        {
            list.Add(new SelectedSnapshot(metadata, snapshot));
        }
        return Task.CompletedTask;
    }

    public override Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default) =>
        DeleteAsync(metadata.PersistenceId, new SnapshotSelectionCriteria(metadata.SequenceNr, DateTimeOffset.MaxValue, metadata.SequenceNr));

    public override Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        if (_snapshots.TryGetValue(persistenceId, out var list))
        {
            lock (list)
            {
                list.RemoveAll(s => criteria.IsMatch(s.Metadata));
            }
        }
        return Task.CompletedTask;
    }
}
