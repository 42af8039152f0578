using Akka.Actor;
using Supervisor.Actors.Connection;
using Supervisor.Actors.State;
using Supervisor.Venues.Events;

namespace Supervisor.Persistence.CrashWriter;

/// <summary>
/// Owns one <see cref="AccountStateActor"/> and feeds it frames one at a time: it sends a frame, then
/// <see cref="GetAccountState"/>. The state actor stashes that question until every handler of the frame's
/// PersistAll ran, so the answer is the acknowledgement; only then is the frame printed and the next one sent.
/// </summary>
/// <remarks>
/// Frame <c>n</c> holds <c>n % 3 + 1</c> balance changes of assets A0, A1 …, each saying its frame (Available = n)
/// and the frame's size (Frozen), so a reader of the file alone can tell whether a frame is whole.
/// </remarks>
public sealed class FrameDriver : ReceiveActor
{
    /// <summary>The venue of every account it writes.</summary>
    public const string Venue = "crash";

    private readonly string _persistenceId;
    private readonly IActorRef _state;
    private long _frame;

    /// <summary>Starts the account's state actor (a snapshot every 50 events, so snapshots are written under the kill too).</summary>
    public FrameDriver(string accountId)
    {
        _persistenceId = AccountStateActor.PersistenceIdFor(Venue, accountId);
        _state = Context.ActorOf(AccountStateActor.Props(accountId, Venue, snapshotEvery: 50), "state");
        Receive<AccountState>(state =>
        {
            Console.Out.WriteLine($"ack {_persistenceId} {_frame} {state.SequenceNr}");
            SendNext();
        });
        // The state actor tells its parent when it recovered; nothing to do with it here.
        Receive<StateRecovered>(_ => { });
    }

    /// <summary>Props for the driver of <paramref name="accountId"/>.</summary>
    public static Props Props(string accountId) => Akka.Actor.Props.Create(() => new FrameDriver(accountId));

    /// <inheritdoc />
    protected override void PreStart() => SendNext();

    private void SendNext()
    {
        _frame++;
        var size = (int)(_frame % 3) + 1;
        var events = new List<object>(size);
        for (var i = 0; i < size; i++)
        {
            events.Add(new AssetBalanceChanged(Venue, $"A{i}", _frame, size, 0m));
        }
        _state.Tell(new VenueEventsReceived(events));
        _state.Tell(new GetAccountState());
    }
}
