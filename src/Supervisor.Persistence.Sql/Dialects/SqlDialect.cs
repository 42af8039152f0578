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


    /// <summary>
    /// Whether payloads are read into a pooled buffer (PostgreSQL: Npgsql copies the column into it) instead of as a
    /// new byte array (SQLite: Microsoft.Data.Sqlite's GetBytes opens a blob stream per call, which costs more).
    /// </summary>
    public virtual bool PooledBlobReads => false;

    /// <summary>
    /// Rows per journal INSERT statement. A batch of more rows runs several statements in its one transaction.
    /// </summary>
    public virtual int RowsPerInsert => 100;

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
