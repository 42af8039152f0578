using Supervisor.Kernel.Persistence.Serialization;

namespace Supervisor.Kernel.Persistence.Journal;

/// <summary>
/// A journal in memory, for tests (Akka.Persistence.TestKit-shaped): writes and replays can be switched to pass,
/// fail (storage error), reject (write only) or wait for a gate. With a serializer it stores bytes, so it rejects
/// what the SQL journals would reject and replays copies, not the written objects.
/// </summary>
public sealed class MemoryJournal : AsyncWriteJournal
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Stored>> _events = new(StringComparer.Ordinal);
    private readonly IEventSerializer? _serializer;

    /// <summary>Creates an empty journal; with <paramref name="serializer"/> payloads are stored serialized.</summary>
    public MemoryJournal(IEventSerializer? serializer = null)
    {
        _serializer = serializer;
    }

    /// <summary>What the next writes do.</summary>
    public JournalMode WriteMode { get; set; } = JournalMode.Pass;

    /// <summary>What the next replays do.</summary>
    public JournalMode RecoveryMode { get; set; } = JournalMode.Pass;

    /// <summary>When set, writes wait for it before doing anything.</summary>
    public Task? WriteGate { get; set; }

    /// <summary>When set, replays wait for it before doing anything.</summary>
    public Task? RecoveryGate { get; set; }

    /// <summary>Number of <see cref="WriteMessagesAsync"/> calls so far.</summary>
    public int WriteCalls { get; private set; }

    /// <summary>The stored events of <paramref name="persistenceId"/> (deleted ones excluded), deserialized.</summary>
    public IReadOnlyList<IPersistentRepresentation> Events(string persistenceId)
    {
        lock (_lock)
        {
            return _events.TryGetValue(persistenceId, out var list)
                ? list.Where(s => !s.Deleted).Select(Materialize).ToList()
                : [];
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            WriteCalls++;
        }
        if (WriteGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        switch (WriteMode)
        {
            case JournalMode.Fail:
                throw new IOException("MemoryJournal: write failure (test switch).");
            case JournalMode.Reject:
                return messages.Select(static _ => (Exception?)new InvalidOperationException("MemoryJournal: write rejected (test switch).")).ToList();
        }
        var results = new Exception?[messages.Count];
        var rejected = false;
        lock (_lock)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var write = messages[i];
                var rows = new List<Stored>(write.Payload.Count);
                try
                {
                    foreach (var p in write.Payload)
                    {
                        rows.Add(Store(p));
                    }
                }
                catch (SerializationException cause)
                {
                    results[i] = cause;
                    rejected = true;
                    continue;
                }
                if (!_events.TryGetValue(write.PersistenceId, out var list))
                {
                    _events[write.PersistenceId] = list = [];
                }
                if (list.Count > 0 && list[^1].Persistent.SequenceNr >= write.LowestSequenceNr)
                {
                    // The unique key on (persistence_id, sequence_nr) of the SQL journals: a second writer fails.
                    throw new InvalidOperationException($"Duplicate sequence number {write.LowestSequenceNr} for [{write.PersistenceId}].");
                }
                list.AddRange(rows);
            }
        }
        return rejected ? results : null;
    }

    /// <inheritdoc />
    public override async Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback, CancellationToken cancellationToken = default)
    {
        if (RecoveryGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        if (RecoveryMode == JournalMode.Fail)
        {
            throw new IOException("MemoryJournal: replay failure (test switch).");
        }
        long count = 0;
        foreach (var e in Events(persistenceId))
        {
            if (count >= max)
            {
                break;
            }
            if (e.SequenceNr >= fromSequenceNr && e.SequenceNr <= toSequenceNr)
            {
                count++;
                recoveryCallback(e);
            }
        }
    }

    /// <inheritdoc />
    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default)
    {
        if (RecoveryMode == JournalMode.Fail)
        {
            return Task.FromException<long>(new IOException("MemoryJournal: read failure (test switch)."));
        }
        lock (_lock)
        {
            return Task.FromResult(_events.TryGetValue(persistenceId, out var list) && list.Count > 0 ? list[^1].Persistent.SequenceNr : 0);
        }
    }

    /// <inheritdoc />
    public override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_events.TryGetValue(persistenceId, out var list))
            {
                for (var i = 0; i < list.Count && list[i].Persistent.SequenceNr <= toSequenceNr; i++)
                {
                    // Marked, not removed, so the highest sequence number survives (as in the SQL journals).
                    list[i] = list[i] with { Deleted = true };
                }
            }
        }
        return Task.CompletedTask;
    }

    private Stored Store(IPersistentRepresentation p)
    {
        if (_serializer is null)
        {
            return new Stored(p, null, null, false);
        }
        var (manifest, bytes) = _serializer.Serialize(p.Payload);
        return new Stored(p, manifest, bytes, false);
    }

    private IPersistentRepresentation Materialize(Stored stored)
    {
        if (_serializer is null || stored.Bytes is null)
        {
            return stored.Persistent;
        }
        var p = stored.Persistent;
        return new Persistent(_serializer.Deserialize(stored.Manifest!, stored.Bytes), p.SequenceNr, p.PersistenceId, stored.Manifest!, p.WriterGuid, p.Timestamp, p.Tags);
    }

    private sealed record Stored(IPersistentRepresentation Persistent, string? Manifest, byte[]? Bytes, bool Deleted);
}
