using System.Data.Common;
using Npgsql;

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

    protected override async ValueTask<DbConnection> OpenCoreAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
