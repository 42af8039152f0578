using Microsoft.Data.Sqlite;
using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Journal;
using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Kernel.Persistence.Snapshot;

namespace Supervisor.Persistence.Sql.Tests.Spec;

public sealed class SqliteJournalSpec : JournalSpec
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "supervisor-sqlite-" + Guid.NewGuid().ToString("N"));

    private string DatabaseFile => Path.Combine(_directory, "journal.db");

    protected override async Task<(AsyncWriteJournal Journal, SnapshotStore Snapshots)> CreateAsync()
    {
        var journal = await SqlJournal.CreateAsync(Options(TestSerializer.Instance));
        return (journal, new SqlSnapshotStore(journal));
    }

    private SqlJournalOptions Options(IEventSerializer serializer) => new()
    {
        Engine = SqlEngine.Sqlite,
        ConnectionString = $"Data Source={DatabaseFile}",
        Serializer = serializer,
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_database_file_is_created_in_WAL_mode()
    {
        Assert.True(File.Exists(DatabaseFile));
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_corrupt_payload_fails_replay_naming_the_id_and_sequence_number()
    {
        var pid = NewId();
        await Journal.WriteMessagesAsync([Write(pid, 1, new ItemAdded("a", 1), new ItemAdded("b", 2))]);
        await using (var connection = new SqliteConnection($"Data Source={DatabaseFile}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE journal SET message = x'7b6e6f74206a736f6e' WHERE persistence_id = $pid AND sequence_number = 2";
            command.Parameters.AddWithValue("$pid", pid);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var error = await Assert.ThrowsAsync<SerializationException>(() => ReplayAsync(pid));
        Assert.Contains(pid, error.Message);
        Assert.Contains("sequence number 2", error.Message);
    }

    [Fact]
    public async Task An_unknown_manifest_fails_replay_and_is_never_skipped()
    {
        var pid = NewId();
        await Journal.WriteMessagesAsync([Write(pid, 1, new ItemAdded("a", 1))]);
        await using (var connection = new SqliteConnection($"Data Source={DatabaseFile}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE journal SET manifest = 'item-removed.v9' WHERE persistence_id = $pid";
            command.Parameters.AddWithValue("$pid", pid);
            await command.ExecuteNonQueryAsync();
        }
        var error = await Assert.ThrowsAsync<SerializationException>(() => ReplayAsync(pid));
        Assert.Contains("item-removed.v9", error.Message);
    }

    [Fact]
    public async Task Events_written_before_a_type_grew_a_field_still_replay()
    {
        var pid = NewId();
        await using (var old = await SqlJournal.CreateAsync(Options(TestSerializer.Version1)))
        {
            await old.WriteMessagesAsync([Write(pid, 1, new BalanceChangedV1("USDT", 10.5m))]);
        }
        var events = await ReplayAsync(pid);
        Assert.Equal(new BalanceChanged("USDT", 10.5m, 0m), events.Single().Payload);
    }
}
