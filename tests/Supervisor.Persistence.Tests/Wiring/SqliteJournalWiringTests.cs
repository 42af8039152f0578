using Supervisor.Persistence.Tests.Infrastructure;

namespace Supervisor.Persistence.Tests.Wiring;

/// <summary>The journal wiring on a SQLite file (the DataOptions path with the batching interceptor).</summary>
public sealed class SqliteJournalWiringTests : JournalWiringTests
{
    /// <inheritdoc />
    protected override Task<JournalDatabase> CreateDatabaseAsync() => Task.FromResult<JournalDatabase>(new SqliteJournalDatabase());
}
