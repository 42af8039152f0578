using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Persistence.Sql.Tests.Postgres;

namespace Supervisor.Persistence.Sql.Tests.Spec;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPagedReplaySpec(PostgresFixture fixture) : PagedReplaySpec
{
    private string? _connectionString;

    protected override async Task<SqlJournalOptions> OptionsAsync(IEventSerializer serializer) => new()
    {
        Engine = SqlEngine.PostgreSql,
        ConnectionString = _connectionString ??= await fixture.Server.CreateDatabaseAsync(),
        Serializer = serializer,
    };
}
