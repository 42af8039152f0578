using System.Data.Common;
using Microsoft.Data.Sqlite;
using Supervisor.Actors.Hosting;

namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>A journal file in a folder of its own under the temp directory (the folder does not exist yet: Prepare creates it).</summary>
public sealed class SqliteJournalDatabase : JournalDatabase
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supervisor-persist-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the file is.</summary>
    public string FilePath => Path.Combine(_folder, "journal.db");

    /// <inheritdoc />
    public override JournalSettings Settings => JournalSettings.Sqlite(FilePath);

    /// <inheritdoc />
    public override string BlobType => "BLOB";

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync()
    {
        Directory.CreateDirectory(_folder);
        // Pooling off: a pooled handle would keep the file open after the test and block deleting it.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> UniqueKeysAsync(string table)
    {
        // sqlite_master names every index, including the automatic ones behind a UNIQUE constraint; the index
        // pragmas tell which are unique and over which columns.
        var rows = await RowsAsync("""
            SELECT m.name, ii.seqno, ii.name
            FROM sqlite_master AS m
            JOIN pragma_index_list(m.tbl_name) AS il ON il.name = m.name
            JOIN pragma_index_info(m.name) AS ii
            WHERE m.type = 'index' AND m.tbl_name = @table AND il."unique" = 1
            ORDER BY m.name, ii.seqno
            """, ("@table", table));
        return [.. rows.GroupBy(r => (string)r[0]).Select(g => string.Join(", ", g.Select(r => (string)r[2])))];
    }

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique };

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
