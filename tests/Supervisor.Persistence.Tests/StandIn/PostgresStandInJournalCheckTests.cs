using Supervisor.Persistence.Tests.Infrastructure;

namespace Supervisor.Persistence.Tests.StandIn;

/// <summary>StandInJournalCheck on PostgreSQL databases.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStandInJournalCheckTests(PostgresFixture postgres) : StandInJournalCheckTests
{
    /// <inheritdoc />
    protected override async Task<JournalDatabase> CreateDatabaseAsync() => await PostgresJournalDatabase.CreateAsync(postgres.Server);
}
