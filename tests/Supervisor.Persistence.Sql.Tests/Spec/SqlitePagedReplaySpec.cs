using Microsoft.Data.Sqlite;
using Supervisor.Kernel.Persistence.Serialization;

namespace Supervisor.Persistence.Sql.Tests.Spec;

public sealed class SqlitePagedReplaySpec : PagedReplaySpec
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "supervisor-paged-" + Guid.NewGuid().ToString("N"));

    protected override Task<SqlJournalOptions> OptionsAsync(IEventSerializer serializer) => Task.FromResult(new SqlJournalOptions
    {
        Engine = SqlEngine.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_directory, "journal.db")}",
        Serializer = serializer,
    });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
