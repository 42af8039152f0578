namespace Supervisor.Persistence.Sql.Query;

/// <summary>An event as a query returns it: <paramref name="Offset"/> is its global ordering, to resume from.</summary>
public sealed record EventEnvelope(long Offset, string PersistenceId, long SequenceNr, object Event, DateTimeOffset Timestamp);
