using Akka.Actor;
using Supervisor.Actors.Hosting;
using Supervisor.Persistence.Tests.Infrastructure;
using static Supervisor.Persistence.Tests.Infrastructure.Samples;

namespace Supervisor.Persistence.Tests.StandIn;

/// <summary>
/// StandInJournalCheck on real databases: the old stand-in journal (same table names, rows without a serializer id)
/// is refused before Akka opens it; an empty database and one Akka wrote are accepted.
/// </summary>
public abstract class StandInJournalCheckTests : DatabaseTest
{
    // The stand-in journal's table as its SQLite and PostgreSQL dialects created it (src/Supervisor.Persistence.Sql
    // before the move), reduced to the shared column types; it never wrote the identifier column.
    private string StandInTable => $"""
        CREATE TABLE journal (
            ordering BIGINT PRIMARY KEY,
            persistence_id VARCHAR(255) NOT NULL,
            sequence_number BIGINT NOT NULL,
            created BIGINT NOT NULL,
            deleted BOOLEAN NOT NULL DEFAULT FALSE,
            message {Database.BlobType} NOT NULL,
            identifier INTEGER NULL,
            manifest VARCHAR(500) NOT NULL,
            writer_uuid VARCHAR(128) NOT NULL,
            UNIQUE (persistence_id, sequence_number))
        """;

    private Task CheckAsync() => StandInJournalCheck.ThrowIfStandInAsync(Database.Settings, CancellationToken.None);

    [Fact]
    public async Task A_journal_written_by_the_stand_in_is_refused_with_a_message_naming_the_problem()
    {
        await Database.ExecuteAsync(StandInTable);
        await Database.ExecuteAsync(
            "INSERT INTO journal (ordering, persistence_id, sequence_number, created, message, manifest, writer_uuid) VALUES (1, @pid, 1, 638000000000000000, @message, 'asset-balance-changed.v1', 'w-1')",
            ("@pid", "account|coinw|a1"), ("@message", "{\"Venue\":\"coinw\"}"u8.ToArray()));

        var refused = await Assert.ThrowsAsync<StandInJournalException>(CheckAsync);
        Assert.Contains("no serializer id", refused.Message, StringComparison.Ordinal);
        Assert.Contains("before the move to Akka.Persistence.Sql", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Point supervisor.persistence at a new database", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emptyDatabase_is_accepted()
    {
        // The file or database exists (as Prepare or CREATE DATABASE leaves it) but has no tables.
        Assert.Equal(0, await Database.ScalarAsync("SELECT 0"));
        await CheckAsync();
    }

    [Fact]
    public async Task An_empty_stand_in_table_is_accepted()
    {
        // Nothing to misread: Akka's auto-initialize leaves an existing table alone, and no row lacks a serializer.
        await Database.ExecuteAsync(StandInTable);
        await CheckAsync();
    }

    [Fact]
    public async Task A_journal_written_by_Akka_is_accepted()
    {
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var actor = host.StateActor("akka", Venue);
            actor.Tell(Frame(Usdt, BtcLong));
            Assert.Equal(2, (await JournalHost.StateOf(actor)).SequenceNr);
        }
        Assert.Equal(2, await Database.ScalarAsync("SELECT count(*) FROM journal WHERE identifier IS NOT NULL"));
        await CheckAsync();
    }
}
