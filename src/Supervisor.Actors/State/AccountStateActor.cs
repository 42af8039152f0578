using Supervisor.Actors.Connection;
using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Persistence;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.State;

/// <summary>
/// The persisted state of one account (persistence id <c>account|{venue}|{id}</c>). Applies decoded events, persists
/// only real changes (all changes of one frame in one atomic write), snapshots every <paramref name="snapshotEvery"/>
/// events, keeps mark prices and connection status in memory, answers <see cref="GetAccountState"/> with an immutable
/// view and publishes <see cref="AccountStateChanged"/>. A journal failure stops it; its backoff supervisor restarts it
/// and it recovers from the journal.
/// </summary>
public sealed class AccountStateActor : ReceivePersistentActor
{
    private readonly int _snapshotEvery;
    private AccountState _state;

    /// <summary>Creates the state of one account.</summary>
    public AccountStateActor(string accountId, string venue, int snapshotEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshotEvery, 1);
        _snapshotEvery = snapshotEvery;
        _state = AccountState.Empty(accountId, venue);
        PersistenceId = PersistenceIdFor(venue, accountId);

        Recover<SnapshotOffer>(offer => _state = ((AccountStateSnapshot)offer.Snapshot).Restore(_state) with { SequenceNr = offer.Metadata.SequenceNr });
        Recover<VenueEvent>(e => _state = _state.Apply(e) with { SequenceNr = LastSequenceNr });

        Command<VenueEventsReceived>(OnEvents);
        Command<ConnectionStatusChanged>(status => Publish(_state = _state with { Connection = status.Status }));
        Command<GetAccountState>(_ => Sender.Tell(_state, Self));
        Command<SaveSnapshotSuccess>(success => DeleteSnapshots(new SnapshotSelectionCriteria(success.Metadata.SequenceNr - 1, DateTimeOffset.MaxValue)));
        Command<DeleteSnapshotsSuccess>(_ => { });
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <summary>The persistence id of an account.</summary>
    public static string PersistenceIdFor(string venue, string accountId) => $"account|{venue}|{accountId}";

    /// <summary>Props for an account's state.</summary>
    public static Props Props(string accountId, string venue, int snapshotEvery = 500) =>
        Kernel.Actor.Props.Create(() => new AccountStateActor(accountId, venue, snapshotEvery));

    private void OnEvents(VenueEventsReceived received)
    {
        var changes = new List<VenueEvent>();
        var preview = _state;
        var marksMoved = false;
        foreach (var item in received.Events)
        {
            switch (item)
            {
                case MarkPriceChanged mark:
                    preview = preview with { MarkPrices = preview.MarkPrices.SetItem(mark.Instrument, mark.Price) };
                    marksMoved = true;
                    break;
                case VenueEvent e when preview.TryApply(e, out var next):
                    changes.Add(e);
                    preview = next;
                    break;
            }
        }
        if (marksMoved)
        {
            // Marks are market data, not account history: kept in memory, never journaled.
            _state = _state with { MarkPrices = preview.MarkPrices };
            if (changes.Count == 0)
            {
                Publish(_state);
            }
        }
        if (changes.Count == 0)
        {
            return;
        }
        var last = changes[^1];
        PersistAll(changes, e =>
        {
            _state = _state.Apply(e) with { SequenceNr = LastSequenceNr };
            if (ReferenceEquals(e, last))
            {
                Publish(_state);
                if (LastSequenceNr / _snapshotEvery > (LastSequenceNr - changes.Count) / _snapshotEvery)
                {
                    SaveSnapshot(AccountStateSnapshot.Of(_state));
                }
            }
        });
    }

    private void Publish(AccountState state) => Context.System.EventStream.Publish(new AccountStateChanged(state));
}
