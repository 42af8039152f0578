using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Journal;
using Supervisor.Kernel.Persistence.Snapshot;

namespace Supervisor.Persistence.Sql.Tests.Spec;

/// <summary>
/// The journal contract, run unchanged against every store (Akka's JournalSpec idea): derived classes only say
/// how to make the journal and snapshot store.
/// </summary>
public abstract class JournalSpec : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    protected AsyncWriteJournal Journal { get; private set; } = null!;

    protected SnapshotStore Snapshots { get; private set; } = null!;

    protected abstract Task<(AsyncWriteJournal Journal, SnapshotStore Snapshots)> CreateAsync();

    public async Task InitializeAsync() => (Journal, Snapshots) = await CreateAsync();

    public virtual async Task DisposeAsync()
    {
        if (Journal is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    protected static string NewId() => "spec|" + Guid.NewGuid().ToString("N");

    protected static AtomicWrite Write(string pid, long from, params object[] payloads) =>
        new(payloads.Select((p, i) => (IPersistentRepresentation)new Persistent(p, from + i, pid, "w-1", At)).ToList());

    protected async Task<List<IPersistentRepresentation>> ReplayAsync(string pid, long from = 1, long to = long.MaxValue, long max = long.MaxValue)
    {
        var events = new List<IPersistentRepresentation>();
        await Journal.ReplayMessagesAsync(pid, from, to, max, events.Add);
        return events;
    }

    [Fact]
    public async Task Writes_replay_in_order_with_exact_decimals()
    {
        var pid = NewId();
        var amount = 1234567890.123456789012345678m;
        Assert.Null(await Journal.WriteMessagesAsync([Write(pid, 1, new ItemAdded("a", amount), new ItemAdded("b", -0.000000000000000001m))]));
        Assert.Null(await Journal.WriteMessagesAsync([Write(pid, 3, new ItemAdded("c", 1m))]));
        var events = await ReplayAsync(pid);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.SequenceNr));
        Assert.Equal(new ItemAdded("a", amount), events[0].Payload);
        Assert.Equal(-0.000000000000000001m, ((ItemAdded)events[1].Payload).Amount);
        Assert.All(events, e => Assert.Equal(pid, e.PersistenceId));
    }

    [Fact]
    public async Task The_highest_sequence_number_is_zero_for_an_unknown_id()
    {
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync(NewId(), 0));
    }

    [Fact]
    public async Task Replay_honours_from_to_and_max()
    {
        var pid = NewId();
        await Journal.WriteMessagesAsync([Write(pid, 1, Enumerable.Range(1, 10).Select(i => (object)new ItemAdded($"i{i}", i)).ToArray())]);
        Assert.Equal([3L, 4L, 5L], (await ReplayAsync(pid, 3, 5)).Select(e => e.SequenceNr));
        Assert.Equal([2L, 3L], (await ReplayAsync(pid, 2, long.MaxValue, 2)).Select(e => e.SequenceNr));
        Assert.Equal(10, await Journal.ReadHighestSequenceNrAsync(pid, 0));
    }

    [Fact]
    public async Task Deleted_events_are_not_replayed_but_the_highest_sequence_number_stays()
    {
        var pid = NewId();
        await Journal.WriteMessagesAsync([Write(pid, 1, new ItemAdded("a", 1), new ItemAdded("b", 2), new ItemAdded("c", 3))]);
        await Journal.DeleteMessagesToAsync(pid, 3);
        Assert.Empty(await ReplayAsync(pid));
        Assert.Equal(3, await Journal.ReadHighestSequenceNrAsync(pid, 0));
    }

    [Fact]
    public async Task An_unserializable_event_rejects_its_write_and_the_others_are_stored()
    {
        var pid = NewId();
        var other = NewId();
        var result = await Journal.WriteMessagesAsync([Write(pid, 1, new Unregistered("x")), Write(other, 1, new ItemAdded("ok", 1))]);
        Assert.NotNull(result);
        Assert.NotNull(result![0]);
        Assert.Null(result[1]);
        Assert.Empty(await ReplayAsync(pid));
        Assert.Single(await ReplayAsync(other));
    }

    [Fact]
    public async Task A_duplicate_sequence_number_fails_the_call_and_leaves_the_history_intact()
    {
        var pid = NewId();
        await Journal.WriteMessagesAsync([Write(pid, 1, new ItemAdded("first", 1))]);
        await Assert.ThrowsAnyAsync<Exception>(() => Journal.WriteMessagesAsync([Write(pid, 1, new ItemAdded("fork", 2))]));
        var events = await ReplayAsync(pid);
        Assert.Equal("first", Assert.Single(events).Payload is ItemAdded added ? added.Item : null);
    }

    [Fact]
    public async Task A_large_atomic_write_is_stored_whole_and_a_large_duplicate_is_refused_whole()
    {
        // Large enough for the bulk path of an engine that has one (PostgreSQL's COPY).
        var pid = NewId();
        var items = Enumerable.Range(1, 40).Select(i => (object)new ItemAdded($"i{i}", i)).ToArray();
        Assert.Null(await Journal.WriteMessagesAsync([Write(pid, 1, items)]));
        await Assert.ThrowsAnyAsync<Exception>(() => Journal.WriteMessagesAsync([Write(pid, 30, items)]));
        var events = await ReplayAsync(pid);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), events.Select(e => e.SequenceNr));
        Assert.Equal(new ItemAdded("i40", 40), events[^1].Payload);
    }

    [Fact]
    public async Task Concurrent_writers_all_land_with_contiguous_histories()
    {
        var ids = Enumerable.Range(0, 40).Select(_ => NewId()).ToList();
        await Task.WhenAll(ids.Select(async pid =>
        {
            for (var seq = 1; seq <= 10; seq++)
            {
                Assert.Null(await Journal.WriteMessagesAsync([Write(pid, seq, new ItemAdded($"{pid}-{seq}", seq))]));
            }
        }));
        foreach (var pid in ids)
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), (await ReplayAsync(pid)).Select(e => e.SequenceNr));
        }
    }

    [Fact]
    public async Task A_bad_write_of_one_id_does_not_fail_a_concurrent_write_of_another()
    {
        var victim = NewId();
        await Journal.WriteMessagesAsync([Write(victim, 1, new ItemAdded("a", 1))]);
        var innocent = Enumerable.Range(0, 20).Select(_ => NewId()).ToList();
        var writes = innocent.Select(pid => Journal.WriteMessagesAsync([Write(pid, 1, new ItemAdded("ok", 1))])).ToList();
        var duplicate = Journal.WriteMessagesAsync([Write(victim, 1, new ItemAdded("dup", 1))]);
        await Assert.ThrowsAnyAsync<Exception>(() => duplicate);
        await Task.WhenAll(writes);
        foreach (var pid in innocent)
        {
            Assert.Single(await ReplayAsync(pid));
        }
    }

    [Fact]
    public async Task A_bad_write_of_one_id_does_not_fail_large_concurrent_writes_of_others()
    {
        // Every batch with an innocent write in it is large enough for an engine's bulk path (PostgreSQL's COPY).
        var victim = NewId();
        await Journal.WriteMessagesAsync([Write(victim, 1, new ItemAdded("a", 1))]);
        var innocent = Enumerable.Range(0, 10).Select(_ => NewId()).ToList();
        var items = Enumerable.Range(1, 20).Select(i => (object)new ItemAdded($"i{i}", i)).ToArray();
        var writes = innocent.Select(pid => Journal.WriteMessagesAsync([Write(pid, 1, items)])).ToList();
        var duplicate = Journal.WriteMessagesAsync([Write(victim, 1, new ItemAdded("dup", 1))]);
        await Assert.ThrowsAnyAsync<Exception>(() => duplicate);
        Assert.All(await Task.WhenAll(writes), Assert.Null);
        foreach (var pid in innocent)
        {
            Assert.Equal(20, (await ReplayAsync(pid)).Count);
        }
    }

    [Fact]
    public async Task Snapshots_load_the_newest_matching_one_and_can_be_deleted()
    {
        var pid = NewId();
        await Snapshots.SaveAsync(new SnapshotMetadata(pid, 5, At), new ItemsSnapshot(["a"]));
        await Snapshots.SaveAsync(new SnapshotMetadata(pid, 9, At.AddMinutes(1)), new ItemsSnapshot(["a", "b"]));
        var latest = await Snapshots.LoadAsync(pid, SnapshotSelectionCriteria.Latest);
        Assert.Equal(9, latest!.Metadata.SequenceNr);
        Assert.Equal(["a", "b"], ((ItemsSnapshot)latest.Snapshot).Items);
        var bounded = await Snapshots.LoadAsync(pid, new SnapshotSelectionCriteria(8, DateTimeOffset.MaxValue));
        Assert.Equal(5, bounded!.Metadata.SequenceNr);
        await Snapshots.DeleteAsync(pid, new SnapshotSelectionCriteria(9, DateTimeOffset.MaxValue, 6));
        Assert.Equal(5, (await Snapshots.LoadAsync(pid, SnapshotSelectionCriteria.Latest))!.Metadata.SequenceNr);
        await Snapshots.DeleteAsync(new SnapshotMetadata(pid, 5, At));
        Assert.Null(await Snapshots.LoadAsync(pid, SnapshotSelectionCriteria.Latest));
        Assert.Null(await Snapshots.LoadAsync(NewId(), SnapshotSelectionCriteria.None));
    }
}
