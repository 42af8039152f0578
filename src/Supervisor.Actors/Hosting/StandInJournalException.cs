namespace Supervisor.Actors.Hosting;

/// <summary>The database holds a journal written by Supervisor's pre-Akka journal, which Akka.Persistence.Sql cannot read.</summary>
public sealed class StandInJournalException(string message) : Exception(message);
