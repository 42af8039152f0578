namespace Supervisor.Actors.Hosting;

/// <summary>The database under Akka.Persistence.Sql (supervisor.persistence.engine).</summary>
public enum JournalEngine
{
    /// <summary>One file, WAL: the embedded default for a single node.</summary>
    Sqlite,

    /// <summary>PostgreSQL 15 or later: production and the one journal a cluster shares.</summary>
    PostgreSql,
}
