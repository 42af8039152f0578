using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Supervisor.Actors.Hosting;

/// <summary>
/// Whether the journal's database can be reached now: a new connection opens and answers <c>SELECT 1</c>. It stands in
/// for Akka.Persistence.Sql.Hosting 1.5.70's own connectivity check, which throws a TypeLoadException against linq2db
/// 6.5.1, because Akka.Persistence.Hosting's journal check kept reporting "Ok" with the database unreachable (it asks the
/// plugin, which answers whatever its writes do). The description names the engine and the failure, never the
/// connection string.
/// </summary>
internal static class JournalConnectivity
{
    /// <summary>The check's name in health reports.</summary>
    public const string Name = "journal.connectivity";

    public static async Task<HealthCheckResult> CheckAsync(JournalSettings journal, CancellationToken cancellationToken)
    {
        try
        {
            // Unpooled on SQLite: a pooled connection would still answer for a file whose folder is gone.
            await using var connection = journal.Engine == JournalEngine.PostgreSql
                ? (System.Data.Common.DbConnection)new NpgsqlConnection(journal.ConnectionString)
                : new SqliteConnection(new SqliteConnectionStringBuilder(journal.ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{journal.Engine} journal reachable");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{journal.Engine} journal unreachable: {e.GetType().Name}");
        }
    }
}
