using System.Collections.Concurrent;
using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Journal;

namespace Supervisor.Host.Tests.Scenarios;

/// <summary>
/// The real journal with an outage switch: while <see cref="Down"/> every call fails as a lost database connection
/// would (writes, replays and sequence-number reads alike), so persistent actors stop and cannot recover until the
/// database is back. Which persistence ids saw a failed write is recorded for the test to wait on.
/// </summary>
internal sealed class FlakyJournal(AsyncWriteJournal inner) : AsyncWriteJournal
{
    private volatile bool _down;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public ConcurrentDictionary<string, byte> FailedWriters { get; } = new(StringComparer.Ordinal);

    public override Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken = default)
    {
        if (_down)
        {
            foreach (var write in messages)
            {
                FailedWriters.TryAdd(write.PersistenceId, 0);
            }
            return Task.FromException<IReadOnlyList<Exception?>?>(Outage());
        }
        return inner.WriteMessagesAsync(messages, cancellationToken);
    }

    public override Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback, CancellationToken cancellationToken = default) =>
        _down ? Task.FromException(Outage()) : inner.ReplayMessagesAsync(persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback, cancellationToken);

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default) =>
        _down ? Task.FromException<long>(Outage()) : inner.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);

    public override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        _down ? Task.FromException(Outage()) : inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    private static InvalidOperationException Outage() => new("the database is unreachable (simulated outage)");
}
