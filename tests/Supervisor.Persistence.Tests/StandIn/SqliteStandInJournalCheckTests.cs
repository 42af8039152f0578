using Supervisor.Persistence.Tests.Infrastructure;

namespace Supervisor.Persistence.Tests.StandIn;

/// <summary>StandInJournalCheck on SQLite files.</summary>
public sealed class SqliteStandInJournalCheckTests : StandInJournalCheckTests
{
    /// <inheritdoc />
    protected override Task<JournalDatabase> CreateDatabaseAsync() => Task.FromResult<JournalDatabase>(new SqliteJournalDatabase());
}
