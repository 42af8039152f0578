using Akka.Actor;
using Akka.Pattern;
using Supervisor.Actors.State;
using Xunit.Abstractions;
using static Supervisor.Persistence.Tests.Infrastructure.Samples;

namespace Supervisor.Persistence.Tests.Faults;

/// <summary>
/// What AccountStateActor does when the journal fails, rejects or cannot replay, under the same BackoffSupervisor
/// (Backoff.OnStop) that AccountActor puts it under.
/// </summary>
public sealed class AccountStateJournalFaultTests(ITestOutputHelper output) : JournalFaultTestKit(output)
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(5);

    private IActorRef Supervised(string accountId) =>
        Sys.ActorOf(BackoffSupervisor.Props(Backoff.OnStop(AccountStateActor.Props(accountId, Venue), "state",
            TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0, maxNrOfRetries: -1)));

    private static async Task<IActorRef> ChildOf(IActorRef supervisor)
    {
        var child = (await supervisor.Ask<BackoffSupervisor.CurrentChild>(BackoffSupervisor.GetCurrentChild.Instance, Ask)).Ref;
        return child ?? throw new InvalidOperationException("the backoff supervisor has no child right now");
    }

    private static Task<AccountState> StateOf(IActorRef actor) => actor.Ask<AccountState>(new GetAccountState(), Ask);

    [Fact]
    public async Task A_failed_write_stops_the_state_and_its_backoff_supervisor_brings_it_back_with_what_was_acknowledged()
    {
        var supervisor = Supervised("fail");
        supervisor.Tell(Frame(Usdt));
        Assert.Equal(1, (await StateOf(supervisor)).SequenceNr);
        var first = await ChildOf(supervisor);
        Watch(first);

        await Journal.OnWrite.Fail();
        try
        {
            supervisor.Tell(Frame(BtcLong));
            ExpectTerminated(first);
        }
        finally
        {
            await Journal.OnWrite.Pass();
        }

        // A new incarnation, recovered from the journal: the balance is there, the failed position is not.
        await AwaitAssertAsync(async () =>
        {
            var child = await ChildOf(supervisor);
            Assert.NotEqual(first, child);
            var state = await StateOf(child);
            Assert.Equal(1, state.SequenceNr);
            Assert.Equal(Usdt, state.Assets["USDT"]);
            Assert.Empty(state.Positions);
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));

        supervisor.Tell(Frame(BtcLong));
        var after = await StateOf(supervisor);
        Assert.Equal(2, after.SequenceNr);
        Assert.Equal(BtcLong, after.Positions["p-1"]);
    }

    [Fact]
    public async Task A_rejected_write_leaves_the_state_running_and_unchanged()
    {
        var supervisor = Supervised("reject");
        supervisor.Tell(Frame(Usdt));
        Assert.Equal(1, (await StateOf(supervisor)).SequenceNr);
        var child = await ChildOf(supervisor);
        Watch(child);

        await Journal.OnWrite.Reject();
        try
        {
            // Frame and question both go through the supervisor, so the question arrives after the frame and,
            // stashed behind its PersistAll, is answered only once the journal has rejected it.
            supervisor.Tell(Frame(BtcLong, OpenOrder));
            var state = await StateOf(supervisor);
            Assert.Equal(1, state.SequenceNr);
            Assert.Empty(state.Positions);
            Assert.Empty(state.OpenOrders);
        }
        finally
        {
            await Journal.OnWrite.Pass();
        }

        // Same incarnation, and the rejected frame was not taken as applied: sent again, it is written.
        supervisor.Tell(Frame(BtcLong, OpenOrder));
        var after = await StateOf(supervisor);
        Assert.Equal(BtcLong, after.Positions["p-1"]);
        Assert.Equal(OpenOrder, after.OpenOrders["o-1"]);
        Assert.Equal(child, await ChildOf(supervisor));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_failed_recovery_stops_the_state()
    {
        var first = Watch(Sys.ActorOf(AccountStateActor.Props("recover", Venue)));
        first.Tell(Frame(Usdt));
        Assert.Equal(1, (await StateOf(first)).SequenceNr);
        Sys.Stop(first);
        ExpectTerminated(first);

        await Journal.OnRecovery.Fail();
        try
        {
            var second = Watch(Sys.ActorOf(AccountStateActor.Props("recover", Venue)));
            ExpectTerminated(second);
        }
        finally
        {
            await Journal.OnRecovery.Pass();
        }

        // The event is still there for the next attempt: the failure was the replay's, not the journal's content.
        Assert.Equal(Usdt, (await StateOf(Sys.ActorOf(AccountStateActor.Props("recover", Venue)))).Assets["USDT"]);
    }

    [Fact]
    public async Task A_failed_snapshot_leaves_the_state_running()
    {
        var actor = Watch(Sys.ActorOf(AccountStateActor.Props("snapshot", Venue, snapshotEvery: 1)));
        await Snapshots.OnSave.Fail();
        try
        {
            actor.Tell(Frame(Usdt));
            actor.Tell(Frame(BtcLong));
            Assert.Equal(2, (await StateOf(actor)).SequenceNr);
            ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        }
        finally
        {
            await Snapshots.OnSave.Pass();
        }
        actor.Tell(Frame(OpenOrder));
        Assert.Equal(3, (await StateOf(actor)).SequenceNr);
    }
}
