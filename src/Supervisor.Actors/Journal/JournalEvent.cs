namespace Supervisor.Actors.Journal;

/// <summary>One journaled event of an account, as Akka.Persistence.Query returns it.</summary>
/// <param name="SequenceNr">Its sequence number in the account's history.</param>
/// <param name="Timestamp">When it was written (Akka's timestamp of the row).</param>
/// <param name="Event">The event.</param>
public sealed record JournalEvent(long SequenceNr, DateTimeOffset Timestamp, object Event);
