using Npgsql;
using Supervisor.Persistence.Sql.Tests.Postgres;
using Supervisor.Persistence.Sql.Tests.Spec;

namespace Supervisor.Persistence.Sql.Tests.Query;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReadJournalSpec(PostgresFixture fixture) : ReadJournalSpec
{
    private string _connectionString = "";

    protected override async Task<SqlJournal> CreateJournalAsync()
    {
        _connectionString = await fixture.Server.CreateDatabaseAsync();
        return await SqlJournal.CreateAsync(new SqlJournalOptions
        {
            Engine = SqlEngine.PostgreSql,
            ConnectionString = _connectionString,
            Serializer = TestSerializer.Instance,
        });
    }

    [Fact]
    public async Task An_event_whose_transaction_commits_late_is_not_skipped()
    {
        await WriteAsync("early", 1, "first");
        // A second writer takes the next ordering and holds its transaction open...
        await using var slow = new NpgsqlConnection(_connectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        var (manifest, bytes) = TestSerializer.Instance.Serialize(new ItemAdded("late", 1));
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO journal (persistence_id, sequence_number, created, message, manifest, writer_uuid) VALUES ('slow', 1, 0, @m, @f, 'w')", slow, transaction))
        {
            insert.Parameters.AddWithValue("m", bytes);
            insert.Parameters.AddWithValue("f", manifest);
            await insert.ExecuteNonQueryAsync();
        }
        // ...while a later ordering commits first.
        await WriteAsync("fast", 1, "third");
        var before = await Queries.CurrentAllEvents().ToListAsync();
        Assert.Equal(["first"], before.Select(e => ((ItemAdded)e.Event).Item));

        await transaction.CommitAsync();
        var after = await Queries.CurrentAllEvents(before[^1].Offset).ToListAsync();
        Assert.Equal(["late", "third"], after.Select(e => ((ItemAdded)e.Event).Item));
    }
}
