using Supervisor.Persistence.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervisor.Persistence.Tests.Crash;

/// <summary>The crash test on PostgreSQL: the server outlives the killed client, whose open transactions must roll back whole.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashSafetyTests(PostgresFixture postgres, ITestOutputHelper output) : CrashSafetyTests(output)
{
    /// <inheritdoc />
    protected override async Task<JournalDatabase> CreateDatabaseAsync() => await PostgresJournalDatabase.CreateAsync(postgres.Server);
}
