using Microsoft.Data.Sqlite;
using Npgsql;
using Supervisor.Persistence.Sql;
using Supervisor.Persistence.Sql.Tests.Postgres;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>A fresh database per benchmark on either engine (PostgreSQL as a throw-away local server).</summary>
internal sealed class JournalTarget : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly PostgresServer? _postgres;

    private JournalTarget(SqlEngine engine, string connectionString, string? directory, PostgresServer? postgres)
    {
        Engine = engine;
        ConnectionString = connectionString;
        _directory = directory;
        _postgres = postgres;
    }

    public SqlEngine Engine { get; }

    public string ConnectionString { get; }

    public static async Task<JournalTarget> CreateAsync(SqlEngine engine)
    {
        if (engine == SqlEngine.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "supervisor-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new JournalTarget(engine, $"Data Source={Path.Combine(directory, "bench.db")}", directory, null);
        }
        var server = await PostgresServer.StartAsync();
        return new JournalTarget(engine, await server.CreateDatabaseAsync(), null, server);
    }

    public Task<SqlJournal> OpenJournalAsync(int parallelism = 4, TimeSpan maxBatchDelay = default) => SqlJournal.CreateAsync(new SqlJournalOptions
    {
        MaxBatchDelay = maxBatchDelay,
        Engine = Engine,
        ConnectionString = ConnectionString,
        Serializer = BenchData.Serializer,
        Parallelism = parallelism,
    });

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
