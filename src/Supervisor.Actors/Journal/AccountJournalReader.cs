using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Supervisor.Actors.State;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.Journal;

/// <summary>
/// Reads accounts' journals through Akka.Persistence.Query (<c>CurrentEventsByPersistenceId</c> of the SQL read
/// journal), on SQLite and PostgreSQL alike: the <c>events</c> and <c>state</c> commands, the HTTP API's history and
/// time travel, and whatever replays an account's history outside its actor.
/// </summary>
public sealed class AccountJournalReader(ActorSystem system)
{
    private readonly SqlReadJournal _journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
    private readonly IMaterializer _materializer = system.Materializer();

    /// <summary>The account's events from sequence number <paramref name="from"/> on, in order, as stored now.</summary>
    public IAsyncEnumerable<JournalEvent> EventsAsync(string venue, string accountId, long from) => EventsAsync(venue, accountId, from, long.MaxValue);

    /// <summary>At most <paramref name="count"/> events from sequence number <paramref name="from"/> on, in order (a page of the history).</summary>
    public async Task<IReadOnlyList<JournalEvent>> PageAsync(string venue, string accountId, long from, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return await _journal.CurrentEventsByPersistenceId(AccountStateActor.PersistenceIdFor(venue, accountId), from, long.MaxValue)
            .Take(count)
            .Select(ToJournalEvent)
            .RunWith(Sink.Seq<JournalEvent>(), _materializer)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The account's state replayed from its whole journal (market prices and connection status are not journaled).</summary>
    public Task<AccountState> StateAsync(string venue, string accountId, CancellationToken cancellationToken) =>
        FoldAsync(venue, accountId, long.MaxValue, static _ => true, cancellationToken);

    /// <summary>The state as it was once the event with sequence number <paramref name="sequenceNr"/> was applied (0: before any).</summary>
    public Task<AccountState> StateAtAsync(string venue, string accountId, long sequenceNr, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNr);
        return sequenceNr == 0
            ? Task.FromResult(AccountState.Empty(accountId, venue))
            : FoldAsync(venue, accountId, sequenceNr, static _ => true, cancellationToken);
    }

    /// <summary>The state as it was at <paramref name="at"/>: every event written at or before it (journal timestamps never go back).</summary>
    public Task<AccountState> StateAtAsync(string venue, string accountId, DateTimeOffset at, CancellationToken cancellationToken) =>
        FoldAsync(venue, accountId, long.MaxValue, e => e.Timestamp <= at, cancellationToken);

    private IAsyncEnumerable<JournalEvent> EventsAsync(string venue, string accountId, long from, long to) =>
        _journal.CurrentEventsByPersistenceId(AccountStateActor.PersistenceIdFor(venue, accountId), from, to)
            .Select(ToJournalEvent)
            .RunAsAsyncEnumerable(_materializer);

    // The one fold of a journal into a state, for the whole history and for a bounded replay alike; the reading stops at
    // the first event past the bound, so a replay to the middle of a long journal reads only up to there.
    private async Task<AccountState> FoldAsync(string venue, string accountId, long to, Func<JournalEvent, bool> include, CancellationToken cancellationToken)
    {
        var state = AccountState.Empty(accountId, venue);
        await foreach (var entry in EventsAsync(venue, accountId, 1, to).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!include(entry))
            {
                break;
            }
            state = (entry.Event is VenueEvent e ? state.Apply(e) : state) with { SequenceNr = entry.SequenceNr };
        }
        return state;
    }

    private static JournalEvent ToJournalEvent(EventEnvelope e) => new(e.SequenceNr, new DateTimeOffset(e.Timestamp, TimeSpan.Zero), e.Event);
}
