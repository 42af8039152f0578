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
/// journal), on SQLite and PostgreSQL alike: the <c>events</c> and <c>state</c> commands, and whatever replays an
/// account's history outside its actor.
/// </summary>
public sealed class AccountJournalReader(ActorSystem system)
{
    private readonly SqlReadJournal _journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
    private readonly IMaterializer _materializer = system.Materializer();

    /// <summary>The account's events from sequence number <paramref name="from"/> on, in order, as stored now.</summary>
    public IAsyncEnumerable<JournalEvent> EventsAsync(string venue, string accountId, long from) =>
        _journal.CurrentEventsByPersistenceId(AccountStateActor.PersistenceIdFor(venue, accountId), from, long.MaxValue)
            .Select(e => new JournalEvent(e.SequenceNr, new DateTimeOffset(e.Timestamp, TimeSpan.Zero), e.Event))
            .RunAsAsyncEnumerable(_materializer);

    /// <summary>The account's state replayed from its whole journal (market prices and connection status are not journaled).</summary>
    public async Task<AccountState> StateAsync(string venue, string accountId, CancellationToken cancellationToken)
    {
        var state = AccountState.Empty(accountId, venue);
        await foreach (var entry in EventsAsync(venue, accountId, 1).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Event is VenueEvent e)
            {
                state = state.Apply(e) with { SequenceNr = entry.SequenceNr };
            }
        }
        return state;
    }
}
