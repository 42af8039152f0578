using Supervisor.Persistence.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervisor.Persistence.Tests.Fencing;

/// <summary>Fencing of a stale writer on a real PostgreSQL server (the cluster's journal).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStaleWriterFencingTests(PostgresFixture postgres, ITestOutputHelper output) : StaleWriterFencingTests(output)
{
    /// <inheritdoc />
    protected override async Task<JournalDatabase> CreateDatabaseAsync() => await PostgresJournalDatabase.CreateAsync(postgres.Server);
}
