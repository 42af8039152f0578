using Microsoft.Data.Sqlite;

namespace Supervisor.Actors.Hosting;

/// <summary>Prepares a SQLite journal file before the actor system opens it.</summary>
public static class SqliteJournalFile
{
    /// <summary>
    /// Creates the file's folder and puts the file in WAL mode: a property of the file, with no connection-string
    /// keyword, 5–7 times faster than the rollback journal and readable while written.
    /// </summary>
    public static void Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
