using Supervisor.Kernel.Persistence;
using Supervisor.Persistence.Sql.Query;
using Supervisor.Persistence.Sql.Tests.Spec;

namespace Supervisor.Persistence.Sql.Tests.Query;

/// <summary>The query contract, run against SQLite and PostgreSQL.</summary>
public abstract class ReadJournalSpec : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    protected SqlJournal Journal { get; private set; } = null!;

    protected SqlReadJournal Queries { get; private set; } = null!;

    protected abstract Task<SqlJournal> CreateJournalAsync();

    public async Task InitializeAsync()
    {
        Journal = await CreateJournalAsync();
        Queries = new SqlReadJournal(Journal, new ReadJournalOptions { PollInterval = TimeSpan.FromMilliseconds(20), GapTimeout = TimeSpan.FromSeconds(30) });
    }

    public virtual async Task DisposeAsync() => await Journal.DisposeAsync();

    protected Task WriteAsync(string pid, long seq, string item, params string[] tags) =>
        Journal.WriteMessagesAsync([new AtomicWrite([new Persistent(new ItemAdded(item, seq), seq, pid, "", "w", At, tags.ToHashSet())])]);

    [Fact]
    public async Task Current_queries_return_what_is_stored_now()
    {
        await WriteAsync("a", 1, "a1");
        await WriteAsync("b", 1, "b1");
        await WriteAsync("a", 2, "a2");
        Assert.Equal(["a", "b"], await Queries.CurrentPersistenceIds().ToListAsync());
        var events = await Queries.CurrentEventsByPersistenceId("a").ToListAsync();
        Assert.Equal(["a1", "a2"], events.Select(e => ((ItemAdded)e.Event).Item));
        var all = await Queries.CurrentAllEvents().ToListAsync();
        Assert.Equal(["a1", "b1", "a2"], all.Select(e => ((ItemAdded)e.Event).Item));
        Assert.True(all.Select(e => e.Offset).SequenceEqual(all.Select(e => e.Offset).Order()));
        var resumed = await Queries.CurrentAllEvents(all[0].Offset).ToListAsync();
        Assert.Equal(["b1", "a2"], resumed.Select(e => ((ItemAdded)e.Event).Item));
    }

    [Fact]
    public async Task Tag_queries_return_only_tagged_events_in_global_order()
    {
        await WriteAsync("a", 1, "fill-1", "fills");
        await WriteAsync("a", 2, "other");
        await WriteAsync("b", 1, "fill-2", "fills", "btc");
        var fills = await Queries.CurrentEventsByTag("fills").ToListAsync();
        Assert.Equal(["fill-1", "fill-2"], fills.Select(e => ((ItemAdded)e.Event).Item));
        Assert.Equal(["fill-2"], (await Queries.CurrentEventsByTag("fills", fills[0].Offset).ToListAsync()).Select(e => ((ItemAdded)e.Event).Item));
    }

    [Fact]
    public async Task Live_queries_deliver_events_written_after_they_started()
    {
        await WriteAsync("live", 1, "before");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var e in Queries.EventsByPersistenceId("live", 1, 3, cancel.Token))
            {
                received.Add(((ItemAdded)e.Event).Item);
            }
        });
        await WriteAsync("live", 2, "after-1");
        await WriteAsync("live", 3, "after-2");
        await reading;
        Assert.Equal(["before", "after-1", "after-2"], received);

        var all = new List<string>();
        await foreach (var e in Queries.AllEvents(0, cancel.Token))
        {
            all.Add(((ItemAdded)e.Event).Item);
            if (all.Count == 3)
            {
                break;
            }
        }
        Assert.Equal(["before", "after-1", "after-2"], all);
    }
}
