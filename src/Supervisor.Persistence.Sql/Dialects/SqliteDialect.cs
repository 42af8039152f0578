using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Supervisor.Persistence.Sql.Dialects;

/// <summary>SQLite in WAL mode; the directory of the database file is created if missing.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;
    private readonly string _synchronous;

    public SqliteDialect(SqlJournalOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = true };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
        _connectionString = builder.ToString();
        _synchronous = options.SqliteSynchronous;
    }

    public override SqlEngine Engine => SqlEngine.Sqlite;

    // SQLite binds every parameter by name, and that lookup scans the statement's parameter list: the cost per row
    // grows with the rows in the statement (6 columns x 100 rows made binding dominate the write). A few rows per
    // statement keep it small while still saving most of the per-statement overhead.
    public override int RowsPerInsert => 16;

    public override IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS journal (
            ordering INTEGER PRIMARY KEY AUTOINCREMENT,
            persistence_id TEXT NOT NULL,
            sequence_number INTEGER NOT NULL,
            created INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            message BLOB NOT NULL,
            identifier INTEGER NULL,
            manifest TEXT NOT NULL,
            writer_uuid TEXT NOT NULL,
            UNIQUE (persistence_id, sequence_number))
        """,
        """
        CREATE TABLE IF NOT EXISTS tags (
            ordering_id INTEGER NOT NULL,
            tag TEXT NOT NULL,
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            PRIMARY KEY (ordering_id, tag))
        """,
        "CREATE INDEX IF NOT EXISTS tags_tag_ordering ON tags (tag, ordering_id)",
        """
        CREATE TABLE IF NOT EXISTS snapshot (
            persistence_id TEXT NOT NULL,
            sequence_number INTEGER NOT NULL,
            created INTEGER NOT NULL,
            snapshot BLOB NOT NULL,
            manifest TEXT NOT NULL,
            serializer_id INTEGER NULL,
            PRIMARY KEY (persistence_id, sequence_number))
        """,
    ];

    public override string UpsertSnapshot =>
        "INSERT OR REPLACE INTO snapshot (persistence_id, sequence_number, created, snapshot, manifest) VALUES (@pid, @seq, @created, @snapshot, @manifest)";

    protected override async ValueTask<DbConnection> OpenCoreAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        // WAL lets replays read while the writer writes; busy_timeout makes a reader wait for a checkpoint instead of failing.
        pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={_synchronous}; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
