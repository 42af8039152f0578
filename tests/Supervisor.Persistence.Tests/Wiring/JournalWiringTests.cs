using Akka.Actor;
using System.Data.Common;
using System.Text;
using Supervisor.Actors.Journal;
using Supervisor.Actors.Serialization;
using Supervisor.Actors.State;
using Supervisor.Persistence.Tests.Infrastructure;
using Supervisor.Venues.Events;
using static Supervisor.Persistence.Tests.Infrastructure.Samples;

namespace Supervisor.Persistence.Tests.Wiring;

/// <summary>
/// The product's journal wiring (WithAccountSerializer + WithAccountJournal) against a real database: schema, row
/// contents, atomic frames, recovery and the query side. Every test gets an empty database; the subclasses say
/// which engine.
/// </summary>
public abstract class JournalWiringTests : DatabaseTest
{
    private static string Pid(string accountId) => AccountStateActor.PersistenceIdFor(Venue, accountId);

    [Fact]
    public async Task The_journal_table_has_a_unique_key_on_persistence_id_and_sequence_number()
    {
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var actor = host.StateActor("uq", Venue);
            actor.Tell(Frame(Usdt));
            Assert.Equal(1, (await JournalHost.StateOf(actor)).SequenceNr);
        }
        // Without it a second writer of the same account (a stale node, a restarted process) could interleave its events.
        Assert.Contains("persistence_id, sequence_number", await Database.UniqueKeysAsync("journal"));
    }

    [Fact]
    public async Task TheDatabase_refuses_a_second_row_with_an_existing_persistence_id_and_sequence_number()
    {
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var actor = host.StateActor("dup", Venue);
            actor.Tell(Frame(Usdt));
            Assert.Equal(1, (await JournalHost.StateOf(actor)).SequenceNr);
        }
        const string copy = """
            INSERT INTO journal (persistence_id, sequence_number, created, deleted, message, manifest, identifier, writer_uuid)
            SELECT persistence_id, sequence_number + @shift, created, deleted, message, manifest, identifier, writer_uuid
            FROM journal WHERE persistence_id = @pid AND sequence_number = 1
            """;
        // The same statement with a new sequence number goes in: the refusal below is the key, not a bad statement.
        Assert.Equal(1, await Database.ExecuteAsync(copy, ("@shift", 1000L), ("@pid", Pid("dup"))));
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => Database.ExecuteAsync(copy, ("@shift", 0L), ("@pid", Pid("dup"))));
        Assert.True(Database.IsUniqueViolation(refused), $"expected a unique violation, got {refused.GetType().Name}: {refused.Message}");
    }

    [Fact]
    public async Task A_journal_row_carries_the_account_serializer_the_event_manifest_and_the_System_Text_Json_of_the_event()
    {
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var actor = host.StateActor("rows", Venue);
            actor.Tell(Frame(Usdt, BtcLong));
            Assert.Equal(2, (await JournalHost.StateOf(actor)).SequenceNr);
        }
        var rows = await JournalRow.ReadAsync(Database, Pid("rows"));
        Assert.Equal([1L, 2L], rows.Select(r => r.SequenceNr));
        Assert.All(rows, r => Assert.Equal(AccountJsonSerializer.Id, r.Identifier));
        Assert.Equal(["asset-balance-changed.v1", "position-changed.v1"], rows.Select(r => r.Manifest));
        Assert.Equal(StateSerialization.Manifests.Serialize(Usdt).Bytes, rows[0].Message);
        Assert.Equal(StateSerialization.Manifests.Serialize(BtcLong).Bytes, rows[1].Message);
        // Newtonsoft (Akka's default) would have written "$type" with a CLR name; the row must not depend on one.
        Assert.All(rows, r => Assert.DoesNotContain("$type", Encoding.UTF8.GetString(r.Message), StringComparison.Ordinal));
        Assert.Equal(Usdt, StateSerialization.Manifests.Deserialize(rows[0].Manifest, rows[0].Message));
        Assert.Equal(BtcLong, StateSerialization.Manifests.Deserialize(rows[1].Manifest, rows[1].Message));
    }

    [Fact]
    public async Task A_snapshot_row_carries_the_account_serializer_and_the_snapshot_manifest()
    {
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var actor = host.StateActor("snap", Venue, snapshotEvery: 2);
            actor.Tell(Frame(Usdt));
            actor.Tell(Frame(BtcLong));
            Assert.Equal(2, (await JournalHost.StateOf(actor)).SequenceNr);
            // The snapshot is saved after the events it covers were acknowledged, so it may still be on its way.
            await Eventually.ResultAsync(async () => await Database.ScalarAsync("SELECT count(*) FROM snapshot") > 0 ? "" : null, "the snapshot row");
        }
        var row = Assert.Single(await Database.RowsAsync("SELECT persistence_id, sequence_number, serializer_id, manifest, snapshot FROM snapshot"));
        Assert.Equal(Pid("snap"), row[0]);
        Assert.Equal(2L, Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((long)AccountJsonSerializer.Id, Convert.ToInt64(row[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("account-state-snapshot.v1", row[3]);
        Assert.DoesNotContain("$type", Encoding.UTF8.GetString((byte[])row[4]), StringComparison.Ordinal);
        var snapshot = Assert.IsType<AccountStateSnapshot>(StateSerialization.Manifests.Deserialize((string)row[3], (byte[])row[4]));
        Assert.Equal([Usdt], snapshot.Assets);
        Assert.Equal([BtcLong], snapshot.Positions);
    }

    [Fact]
    public async Task A_frame_is_written_whole_with_consecutive_sequence_numbers()
    {
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var actor = host.StateActor("frame", Venue);
            actor.Tell(Frame(Usdt));
            actor.Tell(Frame(Eth, BtcLong, OpenOrder, Usdt with { Available = 1m }));
            Assert.Equal(5, (await JournalHost.StateOf(actor)).SequenceNr);
        }
        var rows = await JournalRow.ReadAsync(Database, Pid("frame"));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], rows.Select(r => r.SequenceNr));
        Assert.Equal(["asset-balance-changed.v1", "position-changed.v1", "order-changed.v1", "asset-balance-changed.v1"], rows.Skip(1).Select(r => r.Manifest));
        // One writer and one PersistAll: the frame's rows went in together, one after another in the table's order.
        var frame = rows.Skip(1).Select(r => r.Ordering).ToList();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => frame[0] + i), frame);
    }

    [Fact]
    public async Task A_frame_that_changes_nothing_persists_nothing()
    {
        await using var host = await JournalHost.StartAsync(Database.Settings);
        var actor = host.StateActor("noop", Venue);
        actor.Tell(Frame(Usdt, BtcLong));
        Assert.Equal(2, (await JournalHost.StateOf(actor)).SequenceNr);
        var rows = await Database.ScalarAsync("SELECT count(*) FROM journal");

        actor.Tell(Frame(Usdt, BtcLong));                                   // the same push again
        actor.Tell(Frame(new MarkPriceChanged(Venue, "BTC", 90000m)));       // market data: memory only
        actor.Tell(Frame(Usdt, new MarkPriceChanged(Venue, "BTC", 91000m)));
        var state = await JournalHost.StateOf(actor);
        Assert.Equal(2, state.SequenceNr);
        Assert.Equal(91000m, state.MarkPrices["BTC"]);
        Assert.Equal(rows, await Database.ScalarAsync("SELECT count(*) FROM journal"));

        // The same path with one real change writes exactly that change: the count above would have seen a write.
        actor.Tell(Frame(Usdt with { Frozen = 0m }, BtcLong));
        Assert.Equal(3, (await JournalHost.StateOf(actor)).SequenceNr);
        Assert.Equal(rows + 1, await Database.ScalarAsync("SELECT count(*) FROM journal"));
    }

    [Fact]
    public async Task A_new_system_on_the_sameDatabase_recovers_every_account_from_events_and_snapshots()
    {
        var before = new Dictionary<string, AccountState>();
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            for (var i = 0; i < 5; i++)
            {
                var actor = host.StateActor($"acc-{i}", Venue, snapshotEvery: 4);
                for (var n = 1; n <= 6; n++)
                {
                    actor.Tell(Frame(Usdt with { Available = n * 10 + i }, BtcLong with { PositionId = $"p-{n % 3}", Quantity = n }, OpenOrder with { FilledQuantity = n / 10m }));
                }
                before[$"acc-{i}"] = await JournalHost.StateOf(actor);
            }
            await Eventually.ResultAsync(async () => await Database.ScalarAsync("SELECT count(DISTINCT persistence_id) FROM snapshot") == 5 ? "" : null, "a snapshot of every account");
        }
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            foreach (var (id, expected) in before)
            {
                Assert.Equal(18, expected.SequenceNr);
                StateAssert.SamePersistedState(expected, await JournalHost.StateOf(host.StateActor(id, Venue, snapshotEvery: 4)));
            }
        }
    }

    [Fact]
    public async Task Recovery_starts_from_the_latest_snapshot()
    {
        AccountState before;
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var actor = host.StateActor("from-snap", Venue, snapshotEvery: 3);
            for (var n = 1; n <= 3; n++)
            {
                actor.Tell(Frame(BtcLong with { PositionId = $"p-{n}" }));
            }
            actor.Tell(Frame(Usdt with { Available = 4m }));
            actor.Tell(Frame(Usdt with { Available = 5m }));
            before = await JournalHost.StateOf(actor);
            await Eventually.ResultAsync(async () => await Database.ScalarAsync("SELECT count(*) FROM snapshot WHERE sequence_number = 3") == 1 ? "" : null, "the snapshot at 3");
        }
        // Without the events the snapshot covers, only a recovery that loads the snapshot knows p-1 … p-3; the
        // balance comes from the events after it.
        Assert.Equal(3, await Database.ExecuteAsync("DELETE FROM journal WHERE sequence_number <= 3"));
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var after = await JournalHost.StateOf(host.StateActor("from-snap", Venue, snapshotEvery: 3));
            Assert.Equal(["p-1", "p-2", "p-3"], after.Positions.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(5m, after.Assets["USDT"].Available);
            StateAssert.SamePersistedState(before, after);
        }
    }

    [Fact]
    public async Task The_journal_reader_returns_the_persisted_events_in_order_with_their_write_time()
    {
        VenueEvent[] written = [Usdt, BtcLong, OpenOrder, Eth, Usdt with { Available = 7m }, BtcLong with { Quantity = 0.75m }];
        AccountState live;
        var start = DateTimeOffset.UtcNow;
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var actor = host.StateActor("reader", Venue);
            actor.Tell(Frame(written[0], written[1], written[2]));
            actor.Tell(Frame(written[3]));
            actor.Tell(Frame(written[4], written[5]));
            live = await JournalHost.StateOf(actor);
        }
        var end = DateTimeOffset.UtcNow;
        await using (var host = await JournalHost.StartAsync(Database.Settings))
        {
            var reader = new AccountJournalReader(host.System);
            var events = new List<JournalEvent>();
            await foreach (var e in reader.EventsAsync(Venue, "reader", 1))
            {
                events.Add(e);
            }
            Assert.Equal(Enumerable.Range(1, written.Length).Select(i => (long)i), events.Select(e => e.SequenceNr));
            Assert.Equal(written, events.Select(e => e.Event));
            Assert.All(events, e => Assert.InRange(e.Timestamp, start.AddSeconds(-5), end.AddSeconds(5)));

            Assert.Equal([5L, 6L], await ToListAsync(reader.EventsAsync(Venue, "reader", 5)));
            StateAssert.SamePersistedState(live, await reader.StateAsync(Venue, "reader", CancellationToken.None));
        }
    }

    private static async Task<List<long>> ToListAsync(IAsyncEnumerable<JournalEvent> events)
    {
        var list = new List<long>();
        await foreach (var e in events)
        {
            list.Add(e.SequenceNr);
        }
        return list;
    }
}
