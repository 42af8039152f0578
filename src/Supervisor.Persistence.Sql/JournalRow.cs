namespace Supervisor.Persistence.Sql;

/// <summary>One serialized event ready for the <c>journal</c> table.</summary>
internal sealed record JournalRow(
    string PersistenceId,
    long SequenceNr,
    long CreatedUnixMs,
    string Manifest,
    byte[] Message,
    string WriterUuid,
    IReadOnlySet<string> Tags);
