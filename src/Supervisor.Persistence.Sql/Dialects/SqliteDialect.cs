using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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

    /// <summary>
    /// Steps the query on the connection's native handle. Through the ADO.NET reader every column costs a managed
    /// call, GetString a new string and GetValue a new byte array per event (GetBytes even opens a blob stream);
    /// here the payload is copied from SQLite's row straight into the page and the manifest is compared as bytes.
    /// Microsoft.Data.Sqlite is synchronous underneath anyway, so nothing async is lost.
    /// </summary>
    public override ValueTask ReadPageAsync(DbConnection connection, EventQuery query, EventPage page, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        page.Clear();
        var db = ((SqliteConnection)connection).Handle!;
        var sql = query.WithOrdering ? NativeSql : NativeSqlWithoutOrdering;
        var prepared = raw.sqlite3_prepare_v2(db, sql, out var statement);
        using (statement)
        {
            Check(prepared, db);
            Check(raw.sqlite3_bind_text(statement, 1, query.PersistenceId), db);
            Check(raw.sqlite3_bind_int64(statement, 2, query.From), db);
            Check(raw.sqlite3_bind_int64(statement, 3, query.To), db);
            Check(raw.sqlite3_bind_int64(statement, 4, query.Limit), db);
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                // column_blob of a TEXT value is its UTF-8 bytes, without a string being made.
                var manifest = page.Manifest(raw.sqlite3_column_blob(statement, 2));
                var payload = raw.sqlite3_column_blob(statement, 3);
                var ordering = query.WithOrdering ? raw.sqlite3_column_int64(statement, 4) : 0;
                var target = page.Add(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_int64(statement, 1), ordering, manifest, payload.Length);
                payload.CopyTo(target);
            }
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
        return ValueTask.CompletedTask;
    }

    private static readonly string NativeSql = EventQuery.Sql.Replace("@pid", "?1", StringComparison.Ordinal).Replace("@from", "?2", StringComparison.Ordinal)
        .Replace("@to", "?3", StringComparison.Ordinal).Replace("@limit", "?4", StringComparison.Ordinal);

    private static readonly string NativeSqlWithoutOrdering = EventQuery.SqlWithoutOrdering.Replace("@pid", "?1", StringComparison.Ordinal)
        .Replace("@from", "?2", StringComparison.Ordinal).Replace("@to", "?3", StringComparison.Ordinal).Replace("@limit", "?4", StringComparison.Ordinal);

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

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
