using Microsoft.Data.Sqlite;
using Supervisor.Persistence.Sql.Tests.Spec;

namespace Supervisor.Persistence.Sql.Tests.Query;

public sealed class SqliteReadJournalSpec : ReadJournalSpec
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "supervisor-query-" + Guid.NewGuid().ToString("N"));

    protected override Task<SqlJournal> CreateJournalAsync() => SqlJournal.CreateAsync(new SqlJournalOptions
    {
        Engine = SqlEngine.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_directory, "journal.db")}",
        Serializer = TestSerializer.Instance,
    });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
