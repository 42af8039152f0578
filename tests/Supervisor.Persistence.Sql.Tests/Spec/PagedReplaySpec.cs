using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Persistence.Sql.Query;

namespace Supervisor.Persistence.Sql.Tests.Spec;

/// <summary>
/// Replay and queries over many small pages, so that the read-ahead of the next page, page boundaries and failures
/// in a later page are exercised (the journal spec's histories fit in one page).
/// </summary>
public abstract class PagedReplaySpec : IAsyncLifetime
{
    private const int PageSize = 3;
    private static readonly DateTimeOffset At = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private SqlJournal _journal = null!;

    /// <summary>Options for a journal on a database shared by every journal of the test.</summary>
    protected abstract Task<SqlJournalOptions> OptionsAsync(IEventSerializer serializer);

    public async Task InitializeAsync() => _journal = await SqlJournal.CreateAsync((await OptionsAsync(TestSerializer.Instance)) with { ReplayPageSize = PageSize });

    public virtual async Task DisposeAsync() => await _journal.DisposeAsync();

    private static AtomicWrite Write(string pid, long seq, object payload) => new([new Persistent(payload, seq, pid, "w-1", At.AddSeconds(seq))]);

    private async Task<string> WriteItemsAsync(int count)
    {
        var pid = "paged|" + Guid.NewGuid().ToString("N");
        for (var seq = 1; seq <= count; seq++)
        {
            Assert.Null(await _journal.WriteMessagesAsync([Write(pid, seq, new ItemAdded($"i{seq}", seq))]));
        }
        return pid;
    }

    private async Task<List<long>> ReplayAsync(SqlJournal journal, string pid, long from = 1, long to = long.MaxValue, long max = long.MaxValue)
    {
        var events = new List<IPersistentRepresentation>();
        await journal.ReplayMessagesAsync(pid, from, to, max, events.Add);
        Assert.All(events, e => Assert.Equal(new ItemAdded($"i{e.SequenceNr}", e.SequenceNr), e.Payload));
        Assert.All(events, e => Assert.Equal(At.AddSeconds(e.SequenceNr), e.Timestamp));
        return events.Select(e => e.SequenceNr).ToList();
    }

    private static List<long> Range(long from, long to) => Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i).ToList();

    [Theory]
    [InlineData(1, long.MaxValue, long.MaxValue, 1, 10)]
    [InlineData(1, 9, long.MaxValue, 1, 9)]
    [InlineData(2, long.MaxValue, long.MaxValue, 2, 10)]
    [InlineData(3, 8, long.MaxValue, 3, 8)]
    [InlineData(1, long.MaxValue, 6, 1, 6)]
    [InlineData(2, long.MaxValue, 7, 2, 8)]
    [InlineData(4, 6, 2, 4, 5)]
    public async Task Replay_across_pages_honours_from_to_and_max(long from, long to, long max, long first, long last)
    {
        var pid = await WriteItemsAsync(10);
        Assert.Equal(Range(first, last), await ReplayAsync(_journal, pid, from, to, max));
    }

    [Fact]
    public async Task Replay_of_a_history_of_exactly_full_pages_ends()
    {
        var pid = await WriteItemsAsync(PageSize * 3);
        Assert.Equal(Range(1, PageSize * 3), await ReplayAsync(_journal, pid));
    }

    [Fact]
    public async Task Deleted_events_do_not_shift_the_pages()
    {
        var pid = await WriteItemsAsync(10);
        await _journal.DeleteMessagesToAsync(pid, 4);
        Assert.Equal(Range(5, 10), await ReplayAsync(_journal, pid));
    }

    [Fact]
    public async Task An_unreadable_event_in_a_later_page_fails_replay_after_the_events_before_it()
    {
        var pid = "paged|" + Guid.NewGuid().ToString("N");
        for (var seq = 1; seq <= 7; seq++)
        {
            Assert.Null(await _journal.WriteMessagesAsync([Write(pid, seq, new BalanceChanged("USDT", seq, 0m))]));
        }
        // An event the reader's serializer has no manifest for, in the third page.
        Assert.Null(await _journal.WriteMessagesAsync([Write(pid, 8, new ItemAdded("unknown to version 1", 8))]));
        await using var reader = await SqlJournal.CreateAsync((await OptionsAsync(TestSerializer.Version1)) with { ReplayPageSize = PageSize, AutoInitialize = false });
        var delivered = new List<long>();
        var error = await Assert.ThrowsAsync<SerializationException>(() => reader.ReplayMessagesAsync(pid, 1, long.MaxValue, long.MaxValue, e => delivered.Add(e.SequenceNr)));
        Assert.Contains($"[{pid}] sequence number 8", error.Message);
        Assert.Equal(Range(1, 7), delivered);
    }

    [Fact]
    public async Task A_failing_callback_ends_replay_with_its_exception_and_the_journal_goes_on()
    {
        var pid = await WriteItemsAsync(10);
        var seen = 0;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _journal.ReplayMessagesAsync(pid, 1, long.MaxValue, long.MaxValue, _ =>
        {
            if (++seen == 4)
            {
                throw new InvalidOperationException("recovery handler failed");
            }
        }));
        Assert.Equal("recovery handler failed", failure.Message);
        Assert.Equal(4, seen);
        Assert.Equal(Range(1, 10), await ReplayAsync(_journal, pid));
    }

    [Fact]
    public async Task Queries_read_across_pages_with_orderings()
    {
        var pid = await WriteItemsAsync(10);
        var queries = new SqlReadJournal(_journal);
        var events = await queries.CurrentEventsByPersistenceId(pid, 2, 9).ToListAsync();
        Assert.Equal(Range(2, 9), events.Select(e => e.SequenceNr));
        Assert.Equal(events.Select(e => e.Offset).Order(), events.Select(e => e.Offset));
        Assert.Equal(events.Count, events.Select(e => e.Offset).Distinct().Count());
    }
}
