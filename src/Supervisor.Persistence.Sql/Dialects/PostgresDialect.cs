using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Supervisor.Persistence.Sql.Dialects;

/// <summary>PostgreSQL through one pooled Npgsql data source.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(SqlJournalOptions options)
    {
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
    }

    public override SqlEngine Engine => SqlEngine.PostgreSql;

    // A pool holds connections to the server as it was; after a restart every one of them fails once.
    public override void ConnectionFailed() => _dataSource.Clear();

    private const int MinimumCopyRows = 16;

    public override IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS journal (
            ordering BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            persistence_id VARCHAR(255) NOT NULL,
            sequence_number BIGINT NOT NULL,
            created BIGINT NOT NULL,
            deleted BOOLEAN NOT NULL DEFAULT FALSE,
            message BYTEA NOT NULL,
            identifier INTEGER NULL,
            manifest VARCHAR(500) NOT NULL,
            writer_uuid VARCHAR(128) NOT NULL,
            CONSTRAINT journal_persistence_id_sequence_number UNIQUE (persistence_id, sequence_number))
        """,
        """
        CREATE TABLE IF NOT EXISTS tags (
            ordering_id BIGINT NOT NULL,
            tag VARCHAR(64) NOT NULL,
            persistence_id VARCHAR(255) NOT NULL,
            sequence_nr BIGINT NOT NULL,
            PRIMARY KEY (ordering_id, tag))
        """,
        "CREATE INDEX IF NOT EXISTS tags_tag_ordering ON tags (tag, ordering_id)",
        """
        CREATE TABLE IF NOT EXISTS snapshot (
            persistence_id VARCHAR(255) NOT NULL,
            sequence_number BIGINT NOT NULL,
            created BIGINT NOT NULL,
            snapshot BYTEA NOT NULL,
            manifest VARCHAR(500) NOT NULL,
            serializer_id INTEGER NULL,
            PRIMARY KEY (persistence_id, sequence_number))
        """,
    ];

    public override string UpsertSnapshot =>
        """
        INSERT INTO snapshot (persistence_id, sequence_number, created, snapshot, manifest) VALUES (@pid, @seq, @created, @snapshot, @manifest)
        ON CONFLICT (persistence_id, sequence_number) DO UPDATE SET created = EXCLUDED.created, snapshot = EXCLUDED.snapshot, manifest = EXCLUDED.manifest
        """;

    /// <summary>
    /// Binary COPY, as the hand-written baseline does: no SQL to parse, no parameter objects, a row is six values
    /// on the wire. A duplicate key fails it like an INSERT, and the transaction around it decides what stays.
    /// </summary>
    public override async ValueTask<bool> TryBulkInsertAsync(DbConnection connection, IReadOnlyList<JournalRow> rows)
    {
        // COPY takes one round trip more than a prepared INSERT (start, then data and end), which only pays off
        // once there are rows to save parameter work on; a lone persist is faster as an INSERT.
        if (rows.Count < MinimumCopyRows)
        {
            return false;
        }
        var npgsql = (NpgsqlConnection)connection;
        await using var copy = await npgsql.BeginBinaryImportAsync(
            "COPY journal (persistence_id, sequence_number, created, message, manifest, writer_uuid) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false);
        foreach (var row in rows)
        {
            await copy.StartRowAsync().ConfigureAwait(false);
            await copy.WriteAsync(row.PersistenceId, NpgsqlDbType.Varchar).ConfigureAwait(false);
            await copy.WriteAsync(row.SequenceNr, NpgsqlDbType.Bigint).ConfigureAwait(false);
            await copy.WriteAsync(row.CreatedUnixMs, NpgsqlDbType.Bigint).ConfigureAwait(false);
            await copy.WriteAsync(row.Message, NpgsqlDbType.Bytea).ConfigureAwait(false);
            await copy.WriteAsync(row.Manifest, NpgsqlDbType.Varchar).ConfigureAwait(false);
            await copy.WriteAsync(row.WriterUuid, NpgsqlDbType.Varchar).ConfigureAwait(false);
        }
        await copy.CompleteAsync().ConfigureAwait(false);
        return true;
    }

    protected override async ValueTask<DbConnection> OpenCoreAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
