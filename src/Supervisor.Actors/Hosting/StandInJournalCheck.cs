using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Supervisor.Actors.Hosting;

/// <summary>
/// Refuses a journal written before the move to Akka.Persistence.Sql. Its tables have the same names and columns,
/// but its rows carry no serializer id, so Akka would fail on the first replay with a message about a missing
/// serializer, or worse, read an empty history. Checked once at start, before the actor system opens the database.
/// </summary>
public static class StandInJournalCheck
{
    /// <summary>Throws <see cref="StandInJournalException"/> if the database's journal has rows without a serializer id.</summary>
    public static async Task ThrowIfStandInAsync(JournalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using DbConnection connection = settings.Engine == JournalEngine.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var tableQuery = settings.Engine == JournalEngine.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'journal'";
        if (await CountAsync(connection, tableQuery, cancellationToken).ConfigureAwait(false) == 0)
        {
            return;
        }
        var legacyRows = await CountAsync(connection, "SELECT count(*) FROM (SELECT 1 FROM journal WHERE identifier IS NULL LIMIT 1) AS legacy", cancellationToken)
            .ConfigureAwait(false);
        if (legacyRows > 0)
        {
            throw new StandInJournalException(
                $"The {settings.Describe()} journal was written by Supervisor's own journal from before the move to Akka.Persistence.Sql " +
                "(its rows have no serializer id), which this version cannot read. Point supervisor.persistence at a new database; " +
                "the accounts recover their state from the venues on first connect.");
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
