using Supervisor.Persistence.Tests.Infrastructure;

namespace Supervisor.Persistence.Tests.Wiring;

/// <summary>The journal wiring on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalWiringTests(PostgresFixture postgres) : JournalWiringTests
{
    /// <inheritdoc />
    protected override async Task<JournalDatabase> CreateDatabaseAsync() => await PostgresJournalDatabase.CreateAsync(postgres.Server);
}
