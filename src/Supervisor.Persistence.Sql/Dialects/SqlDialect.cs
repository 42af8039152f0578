using System.Data.Common;

namespace Supervisor.Persistence.Sql.Dialects;

/// <summary>
/// What differs between the engines: connections, DDL and a few statements. One schema on both, close to
/// Akka.Persistence.Sql's default mapping: <c>journal</c> (identity <c>ordering</c>, unique
/// <c>(persistence_id, sequence_number)</c>), <c>tags</c>, <c>snapshot</c>.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    public abstract SqlEngine Engine { get; }

    /// <summary>The statements that create the schema if it is missing.</summary>
    public abstract IReadOnlyList<string> Schema { get; }

    /// <summary>Insert-or-replace of one snapshot row with parameters @pid, @seq, @created, @snapshot, @manifest.</summary>
    public abstract string UpsertSnapshot { get; }


    /// <summary>Reads one page of events into <paramref name="page"/> (cleared first).</summary>
    public virtual async ValueTask ReadPageAsync(DbConnection connection, EventQuery query, EventPage page, CancellationToken cancellationToken)
    {
        page.Clear();
        await using var command = connection.Command(query.WithOrdering ? EventQuery.Sql : EventQuery.SqlWithoutOrdering)
            .With("@pid", query.PersistenceId).With("@from", query.From).With("@to", query.To).With("@limit", query.Limit);
        // Npgsql keeps prepared statements on the physical connection: after the first page this skips parsing and
        // planning the query on the server.
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sequenceNr = reader.GetInt64(0);
            var created = reader.GetInt64(1);
            var manifest = page.Manifest(reader.GetString(2));
            // Npgsql copies the column straight from its row buffer into the page: no byte array per event.
            var length = (int)reader.GetBytes(3, 0, null, 0, 0);
            var target = page.Add(sequenceNr, created, 0, manifest, length);
            reader.GetBytes(3, 0, target.Array, target.Offset, length);
            if (query.WithOrdering)
            {
                page.Orderings[page.Count - 1] = reader.GetInt64(4);
            }
        }
    }

    /// <summary>
    /// Rows per journal INSERT statement. A batch of more rows runs several statements in its one transaction.
    /// </summary>
    public virtual int RowsPerInsert => 100;

    /// <summary>
    /// Writes untagged rows in the open transaction by the engine's bulk path, if it has one better than INSERT;
    /// false when it has none (the caller then uses the prepared INSERTs).
    /// </summary>
    public virtual ValueTask<bool> TryBulkInsertAsync(DbConnection connection, IReadOnlyList<JournalRow> rows) => ValueTask.FromResult(false);

    /// <summary>Called after a connection failed, so pooled connections to a restarted server are not handed out again.</summary>
    public virtual void ConnectionFailed()
    {
    }

    /// <summary>Opens a connection ready for use.</summary>
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            ConnectionFailed();
            throw;
        }
    }

    protected abstract ValueTask<DbConnection> OpenCoreAsync(CancellationToken cancellationToken);

    public static SqlDialect For(SqlJournalOptions options) => options.Engine switch
    {
        SqlEngine.Sqlite => new SqliteDialect(options),
        SqlEngine.PostgreSql => new PostgresDialect(options),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Engine, "Unknown SQL engine."),
    };

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
