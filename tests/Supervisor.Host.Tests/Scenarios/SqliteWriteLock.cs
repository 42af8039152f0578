using Microsoft.Data.Sqlite;

namespace Supervisor.Host.Tests.Scenarios;

/// <summary>
/// A real journal outage on SQLite: another connection holds the file's write lock (<c>BEGIN EXCLUSIVE</c>), as a
/// stuck writer or a backup tool would. Every write of the journal and snapshot store then fails with "database is
/// locked" once SQLite's busy timeout has passed; reads go on (WAL), so the state actors stop on their failed
/// persists and their restarts recover. Disposing releases the lock without writing anything.
/// </summary>
internal sealed class SqliteWriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteWriteLock(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteWriteLock> TakeAsync(string connectionString)
    {
        // Its own unpooled connection with a long wait: the lock must be won even while a journal write is in flight.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = 60 };
        var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000; BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync();
        return new SqliteWriteLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = _connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}
