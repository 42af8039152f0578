using Microsoft.Data.Sqlite;
using Npgsql;

namespace Supervisor.Actors.Hosting;

/// <summary>
/// What identifies a journal's database whatever name a node reaches it by: PostgreSQL's system identifier and the
/// database name, or the SQLite file's full path on this machine. Cluster nodes compare it before joining (one journal
/// for all, or accounts would run on histories that diverge).
/// </summary>
public static class JournalIdentity
{
    /// <summary>Reads the identity of <paramref name="journal"/>'s database.</summary>
    /// <exception cref="System.Data.Common.DbException">The database cannot be reached.</exception>
    public static async Task<string> ReadAsync(JournalSettings journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.Engine == JournalEngine.Sqlite)
        {
            var file = Path.GetFullPath(new SqliteConnectionStringBuilder(journal.ConnectionString).DataSource);
            return $"sqlite:{Environment.MachineName}:{file}";
        }
        await using var connection = new NpgsqlConnection(journal.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT system_identifier::text || '/' || current_database() FROM pg_control_system()", connection);
        return "postgresql:" + (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
