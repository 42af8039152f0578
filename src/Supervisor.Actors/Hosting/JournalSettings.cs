using Microsoft.Data.Sqlite;
using Npgsql;
using Supervisor.Configuration;

namespace Supervisor.Actors.Hosting;

/// <summary>Where the journal and snapshot store live (the <c>supervisor.persistence</c> section).</summary>
/// <param name="Engine">SQLite or PostgreSQL.</param>
/// <param name="ConnectionString">The ADO.NET connection string; it may hold a password, so it is never logged (see <see cref="Describe"/>).</param>
public sealed record JournalSettings(JournalEngine Engine, string ConnectionString)
{
    /// <summary>SQLite's <c>synchronous</c>: FULL (an fsync per commit, survives power loss) or NORMAL (survives a process crash only).</summary>
    public string SqliteSynchronous { get; init; } = "FULL";

    /// <summary>A SQLite file at <paramref name="path"/>.</summary>
    public static JournalSettings Sqlite(string path) => new(JournalEngine.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString);

    /// <summary>A PostgreSQL database.</summary>
    public static JournalSettings PostgreSql(string connectionString) => new(JournalEngine.PostgreSql, connectionString);

    /// <summary>Reads <c>supervisor.persistence</c> of a merged configuration.</summary>
    /// <exception cref="HoconException">An unknown engine or synchronous mode, with the setting's position.</exception>
    public static JournalSettings FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string engine = "supervisor.persistence.engine", synchronous = "supervisor.persistence.sqlite-synchronous";
        var connection = config.GetString("supervisor.persistence.connection-string");
        var settings = config.GetString(engine).ToLowerInvariant() switch
        {
            "sqlite" => new JournalSettings(JournalEngine.Sqlite, connection),
            "postgresql" or "postgres" => new JournalSettings(JournalEngine.PostgreSql, connection),
            var other => throw new HoconException($"'{engine}' must be sqlite or postgresql, was \"{other}\"", config.GetValue(engine)!.Origin),
        };
        var mode = config.GetString(synchronous).ToUpperInvariant();
        return mode is "FULL" or "NORMAL"
            ? settings with { SqliteSynchronous = mode }
            : throw new HoconException($"'{synchronous}' must be FULL or NORMAL, was \"{mode}\"", config.GetValue(synchronous)!.Origin);
    }

    /// <summary>The engine and where it is, without credentials.</summary>
    public string Describe()
    {
        if (Engine == JournalEngine.Sqlite)
        {
            return $"sqlite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        }
        var postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"postgresql {postgres.Host}:{postgres.Port}/{postgres.Database}";
    }
}
