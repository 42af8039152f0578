namespace Supervisor.Kernel.Persistence.Journal;

/// <summary>
/// The journal SPI (Akka's names). A returned list holds, per <see cref="AtomicWrite"/>, null for stored or the
/// exception that rejected it (never stored, e.g. serialization failed); a faulted task is a failure (storage or
/// connection error, the writes may or may not be stored). Deliberate difference from Akka: calls take a
/// <see cref="CancellationToken"/> instead of an actor context.
/// </summary>
public abstract class AsyncWriteJournal
{
    /// <summary>Stores the writes; see the class summary for rejection versus failure.</summary>
    public abstract Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="recoveryCallback"/> for each stored event in range, in order, at most <paramref name="max"/>.</summary>
    public abstract Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number stored (deleted events included), or 0.</summary>
    public abstract Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default);

    /// <summary>Deletes the events up to <paramref name="toSequenceNr"/>; the highest sequence number stays.</summary>
    public abstract Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
