namespace Supervisor.Kernel.Persistence;

/// <summary>One event as the journal stores it.</summary>
public interface IPersistentRepresentation
{
    /// <summary>The event.</summary>
    object Payload { get; }

    /// <summary>Whose event.</summary>
    string PersistenceId { get; }

    /// <summary>Its position in the persistence id's history, from 1, without gaps.</summary>
    long SequenceNr { get; }

    /// <summary>The serializer's manifest, empty until serialized.</summary>
    string Manifest { get; }

    /// <summary>The incarnation that wrote it.</summary>
    string WriterGuid { get; }

    /// <summary>When it was written.</summary>
    DateTimeOffset Timestamp { get; }

    /// <summary>Tags for queries by tag.</summary>
    IReadOnlySet<string> Tags { get; }
}
