using System.Data.Common;
using LinqToDB.Interceptors;

namespace Supervisor.Actors.Hosting;

/// <summary>
/// Lets Akka.Persistence.Sql batch its writes on SQLite. Microsoft.Data.Sqlite completes every call synchronously, so
/// without this the plugin's write stage runs each one-row transaction inline and never lets a batch form (about
/// 2.5 k events/s under load). Yielding when a connection opens moves the transaction off the stream's thread, and the
/// writes that arrive meanwhile go in the next transaction (about 100 rows each). It also sets, on every connection,
/// the busy timeout (wait inside SQLite rather than the driver's 150 ms sleeps) and the configured synchronous mode.
/// </summary>
/// <remarks>It relies on the driver completing synchronously; retest on a driver or plugin upgrade (docs/benchmarks.md).</remarks>
public sealed class SqliteWriteBatching : ConnectionInterceptor
{
    private readonly string _pragmas;

    /// <summary>Creates the interceptor for <paramref name="synchronous"/> FULL or NORMAL.</summary>
    public SqliteWriteBatching(string synchronous)
    {
        if (synchronous is not ("FULL" or "NORMAL"))
        {
            throw new ArgumentException($"synchronous must be FULL or NORMAL, was {synchronous}", nameof(synchronous));
        }
        _pragmas = $"PRAGMA busy_timeout=5000; PRAGMA synchronous={synchronous};";
    }

    /// <inheritdoc />
    public override async Task ConnectionOpeningAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken) =>
        await Task.Yield();

    /// <inheritdoc />
    public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection) => SetPragmas(connection);

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
    {
        SetPragmas(connection);
        return Task.CompletedTask;
    }

    private void SetPragmas(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
