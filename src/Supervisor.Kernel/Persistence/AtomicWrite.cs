namespace Supervisor.Kernel.Persistence;

/// <summary>Events of one persistence id written all or nothing.</summary>
public sealed record AtomicWrite
{
    /// <summary>Groups <paramref name="payload"/>, which must be non-empty, of one persistence id, with consecutive sequence numbers.</summary>
    public AtomicWrite(IReadOnlyList<IPersistentRepresentation> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Count == 0)
        {
            throw new ArgumentException("An atomic write needs at least one event.", nameof(payload));
        }
        Payload = payload;
    }

    /// <summary>The events.</summary>
    public IReadOnlyList<IPersistentRepresentation> Payload { get; }

    /// <summary>Their persistence id.</summary>
    public string PersistenceId => Payload[0].PersistenceId;

    /// <summary>The first sequence number.</summary>
    public long LowestSequenceNr => Payload[0].SequenceNr;

    /// <summary>The last sequence number.</summary>
    public long HighestSequenceNr => Payload[^1].SequenceNr;
}
