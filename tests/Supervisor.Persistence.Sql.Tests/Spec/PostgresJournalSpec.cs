using Npgsql;
using Supervisor.Kernel.Persistence.Journal;
using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Kernel.Persistence.Snapshot;
using Supervisor.Persistence.Sql.Tests.Postgres;

namespace Supervisor.Persistence.Sql.Tests.Spec;

[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalSpec(PostgresFixture fixture) : JournalSpec
{
    private string _connectionString = "";

    protected override async Task<(AsyncWriteJournal Journal, SnapshotStore Snapshots)> CreateAsync()
    {
        _connectionString = await fixture.Server.CreateDatabaseAsync();
        var journal = await SqlJournal.CreateAsync(new SqlJournalOptions
        {
            Engine = SqlEngine.PostgreSql,
            ConnectionString = _connectionString,
            Serializer = TestSerializer.Instance,
            Parallelism = 4,
        });
        return (journal, new SqlSnapshotStore(journal));
    }

    [Fact]
    public async Task A_corrupt_payload_fails_replay_naming_the_id_and_sequence_number()
    {
        var pid = NewId();
        await Journal.WriteMessagesAsync([Write(pid, 1, new ItemAdded("a", 1))]);
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE journal SET message = '\\x7b6e6f74'::bytea WHERE persistence_id = @pid", connection);
            command.Parameters.AddWithValue("pid", pid);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var error = await Assert.ThrowsAsync<SerializationException>(() => ReplayAsync(pid));
        Assert.Contains($"[{pid}] sequence number 1", error.Message);
    }
}
