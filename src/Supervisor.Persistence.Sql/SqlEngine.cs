namespace Supervisor.Persistence.Sql;

/// <summary>The database behind the journal.</summary>
public enum SqlEngine
{
    /// <summary>SQLite in WAL mode: the embedded default, one writer.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production and cluster.</summary>
    PostgreSql,
}
