namespace Supervisor.Kernel.Persistence;

/// <summary>The default <see cref="IPersistentRepresentation"/>.</summary>
public sealed record Persistent(
    object Payload,
    long SequenceNr,
    string PersistenceId,
    string Manifest,
    string WriterGuid,
    DateTimeOffset Timestamp,
    IReadOnlySet<string> Tags) : IPersistentRepresentation
{
    /// <summary>An event without manifest or tags.</summary>
    public Persistent(object payload, long sequenceNr, string persistenceId, string writerGuid, DateTimeOffset timestamp)
        : this(payload, sequenceNr, persistenceId, "", writerGuid, timestamp, EmptyTags)
    {
    }

    private static readonly IReadOnlySet<string> EmptyTags = new HashSet<string>();
}
