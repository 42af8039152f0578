using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Journal;
using Supervisor.Kernel.Persistence.Snapshot;
using KernelPersistence = Supervisor.Kernel.Persistence.Persistence;

namespace Supervisor.Kernel.Tests.Persistence;

public sealed class PersistentActorTests : TestKit.TestKit
{
    private readonly MemoryJournal _journal = new();
    private readonly MemorySnapshotStore _snapshots = new();

    public PersistentActorTests()
        : base(VirtualTime())
    {
        KernelPersistence.For(Sys).UseJournal(_journal).UseSnapshotStore(_snapshots);
    }

    private IActorRef Counter(string id = "c-1") => ActorOf(Props.Create(() => new CounterActor(id, TestActor)));

    [Fact]
    public void Events_are_persisted_and_replayed_after_a_stop_with_sequence_numbers_continuing()
    {
        var first = Watch(Counter());
        ExpectMsg("recovered::0");
        first.Tell("add:a");
        ExpectMsg("added:a:1");
        first.Tell("add:b");
        ExpectMsg("added:b:2");
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = Counter();
        ExpectMsg("recovered:a,b:2");
        second.Tell("add:c");
        ExpectMsg("added:c:3");
        Assert.Equal([1L, 2L, 3L], _journal.Events("c-1").Select(e => e.SequenceNr));
    }

    [Fact]
    public void Commands_wait_until_the_persisted_event_handler_has_run()
    {
        var gate = new TaskCompletionSource();
        var actor = Counter();
        ExpectMsg("recovered::0");
        _journal.WriteGate = gate.Task;
        actor.Tell("add:a");
        actor.Tell("get");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        gate.SetResult();
        ExpectMsg("added:a:1");
        ExpectMsg("a");
    }

    [Fact]
    public void PersistAsync_does_not_hold_commands_back()
    {
        var gate = new TaskCompletionSource();
        var actor = Counter();
        ExpectMsg("recovered::0");
        _journal.WriteGate = gate.Task;
        actor.Tell("async:a");
        actor.Tell("get");
        ExpectMsg("");
        gate.SetResult();
        ExpectMsg("added:a:1");
    }

    [Fact]
    public void PersistAll_is_one_atomic_write_and_runs_handlers_in_order()
    {
        var actor = Counter();
        ExpectMsg("recovered::0");
        var writesBefore = _journal.WriteCalls;
        actor.Tell(new[] { "x", "y", "z" });
        actor.Tell("get");
        ExpectMsg("x,y,z");
        Assert.Equal(writesBefore + 1, _journal.WriteCalls);
    }

    [Fact]
    public void DeferAsync_runs_after_the_earlier_persist_handlers()
    {
        var actor = Counter();
        ExpectMsg("recovered::0");
        actor.Tell("defer");
        ExpectMsg("deferred after 1");
    }

    [Fact]
    public void A_persist_failure_stops_the_actor_and_nothing_acknowledged_is_lost()
    {
        var actor = Watch(Counter());
        ExpectMsg("recovered::0");
        actor.Tell("add:kept");
        ExpectMsg("added:kept:1");
        _journal.WriteMode = JournalMode.Fail;
        EventFilter.Exception<IOException>(contains: "write failure").ExpectOne(() => actor.Tell("add:lost"));
        ExpectTerminated(actor);
        _journal.WriteMode = JournalMode.Pass;
        Counter();
        ExpectMsg("recovered:kept:1");
    }

    [Fact]
    public void A_rejected_event_is_logged_and_the_actor_goes_on()
    {
        var actor = Counter();
        ExpectMsg("recovered::0");
        _journal.WriteMode = JournalMode.Reject;
        actor.Tell("add:bad");
        ExpectMsg("rejected:bad:1");
        _journal.WriteMode = JournalMode.Pass;
        actor.Tell("add:good");
        ExpectMsg("added:good:2");
        actor.Tell("get");
        ExpectMsg("good");
    }

    [Fact]
    public void Recovery_starts_from_the_latest_snapshot_and_replays_only_later_events()
    {
        var actor = Watch(Counter());
        ExpectMsg("recovered::0");
        actor.Tell("add:a");
        ExpectMsg("added:a:1");
        actor.Tell("snap");
        ExpectMsg("snapshot:1");
        actor.Tell("add:b");
        ExpectMsg("added:b:2");
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Counter();
        ExpectMsg("offered:1");
        ExpectMsg("recovered:a,b:2");
    }

    [Fact]
    public void A_restart_recovers_the_state_from_the_journal()
    {
        var actor = Counter();
        ExpectMsg("recovered::0");
        actor.Tell("add:a");
        ExpectMsg("added:a:1");
        actor.Tell("boom");
        ExpectMsg("recovered:a:1");
    }

    [Fact]
    public void A_recovery_that_receives_nothing_times_out_on_virtual_time()
    {
        KernelPersistence.For(Sys).UseSettings(PersistenceSettings.Default with { RecoveryEventTimeout = TimeSpan.FromSeconds(30) });
        _journal.Events("c-1");
        var never = new TaskCompletionSource();
        _journal.WriteGate = null;
        var seeded = Watch(Counter());
        ExpectMsg("recovered::0");
        seeded.Tell("add:a");
        ExpectMsg("added:a:1");
        Sys.Stop(seeded);
        ExpectTerminated(seeded);

        _journal.RecoveryGate = never.Task;
        var actor = Watch(Counter());
        AwaitCondition(() => Scheduler.PendingCount > 0);
        EventFilter.Exception<RecoveryTimedOutException>().ExpectOne(() => Scheduler.Advance(TimeSpan.FromSeconds(60)));
        ExpectTerminated(actor);
    }

    [Fact]
    public void At_most_the_configured_number_of_recoveries_run_at_once()
    {
        KernelPersistence.For(Sys).UseSettings(PersistenceSettings.Default with { MaxConcurrentRecoveries = 1 });
        var gate = new TaskCompletionSource();
        _journal.WriteGate = null;
        var seed = Counter("slow");
        ExpectMsg("recovered::0");
        seed.Tell("add:a");
        ExpectMsg("added:a:1");
        Watch(seed);
        Sys.Stop(seed);
        ExpectTerminated(seed);

        _journal.RecoveryGate = gate.Task;
        Counter("slow");
        Counter("waiting");
        // "waiting" has no events, but must wait for the permit that "slow" holds while its replay is stuck.
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, KernelPersistence.For(Sys).Permitter.InUse);
        gate.SetResult();
        var recovered = ReceiveN(2).Cast<string>().ToList();
        Assert.Equal("recovered:a:1", recovered[0]);
        Assert.Equal("recovered::0", recovered[1]);
    }

    [Fact]
    public void A_recovery_handler_that_throws_stops_the_actor()
    {
        var probe = CreateTestProbe();
        var seed = Watch(Counter("bad"));
        ExpectMsg("recovered::0");
        seed.Tell("add:poison");
        ExpectMsg("added:poison:1");
        Sys.Stop(seed);
        ExpectTerminated(seed);
        var failing = Watch(ActorOf(Props.Create(() => new ThrowingRecovery("bad", probe.Ref))));
        ExpectTerminated(failing);
    }

    [Fact]
    public void Without_a_journal_the_actor_fails_to_start_with_a_clear_error()
    {
        using var bare = Supervisor.Kernel.Actor.ActorSystem.Create("bare");
        var probe = CreateTestProbe();
        var listener = CreateTestProbe();
        bare.EventStream.Subscribe(listener.Ref, typeof(Supervisor.Kernel.Event.LogEvent));
        bare.ActorOf(Props.Create(() => new CounterActor("x", probe.Ref)));
        var logged = listener.FishForMessage<Supervisor.Kernel.Event.LogEvent>(e => e.Cause is ActorInitializationException);
        Assert.Contains("No journal is configured", logged.Cause!.InnerException!.Message);
    }

    private sealed class ThrowingRecovery : ReceivePersistentActor
    {
        public ThrowingRecovery(string id, IActorRef probe)
        {
            PersistenceId = id;
            Recover<string>(_ => throw new TestFailure("cannot apply"));
            CommandAny(m => probe.Tell(m));
        }

        public override string PersistenceId { get; }
    }
}
