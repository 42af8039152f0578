using System.Diagnostics;
using Akka.Actor;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Metrics;
using Supervisor.Actors.State;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.Tests.Metrics;

/// <summary>The persist queue depth and the write latencies of one state actor, on Akka.Persistence.TestKit's journal (writes held, rejected, failed).</summary>
public sealed class PersistMetricsTests : ActorSpec, IDisposable
{
    private const string Venue = "coinw";
    private const string Depth = "supervisor_persist_queue_depth";
    private static readonly AssetBalanceChanged Usdt = new(Venue, "USDT", 1000m, 50m, 200m);
    private static readonly PositionChanged BtcLong = new(Venue, "p-1", "BTC", TradeSide.Long, 0.5m, 85000m, 10m, 4285.85m);
    private readonly MetricsRecorder _recorder;

    public PersistMetricsTests()
    {
        _recorder = new MetricsRecorder(SupervisorMetrics.For(Sys).Meter);
    }

    private AccountState StateOf(IActorRef actor) => actor.Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();

    [Fact]
    public async Task Events_held_by_the_journal_are_the_queue_depth_until_their_write_is_applied()
    {
        var gate = new GatedWrites();
        await Journal.OnWrite.SetInterceptorAsync(gate);
        var actor = ActorOf(AccountStateActor.Props("q1", Venue));
        // Two frames: the second one's change joins a write of its own while the first is held.
        actor.Tell(new VenueEventsReceived([Usdt, BtcLong]) { ReceivedTimestamp = Stopwatch.GetTimestamp() });
        actor.Tell(new VenueEventsReceived([Usdt with { Available = 1m }]) { ReceivedTimestamp = Stopwatch.GetTimestamp() });
        AwaitAssert(() => Assert.Equal(3, _recorder.Gauge(Depth)));
        Assert.Equal(0, _recorder.Count("supervisor_journal_write_seconds"));

        gate.Open();

        Assert.Equal(3, StateOf(actor).SequenceNr);
        Assert.Equal(0, _recorder.Gauge(Depth));
        Assert.Equal(0, SupervisorMetrics.For(Sys).PersistQueueDepth);
        Assert.Equal(2, _recorder.Count("supervisor_journal_write_seconds"));
        Assert.Equal(2, _recorder.Count("supervisor_frame_persisted_seconds", ("venue", Venue)));
    }

    [Fact]
    public async Task A_rejected_write_leaves_nothing_queued_and_is_not_timed()
    {
        await Journal.OnWrite.Reject();
        var actor = ActorOf(AccountStateActor.Props("q2", Venue));
        actor.Tell(new VenueEventsReceived([Usdt, BtcLong]));
        // Answered after the rejected write (the question is deferred behind it); the actor lives on.
        Assert.Equal(0, StateOf(actor).SequenceNr);
        Assert.Equal(0, _recorder.Gauge(Depth));
        Assert.Equal(0, _recorder.Count("supervisor_journal_write_seconds"));
    }

    [Fact]
    public async Task A_failed_write_stops_the_actor_and_takes_its_events_out_of_the_queue()
    {
        await Journal.OnWrite.Fail();
        var actor = Watch(ActorOf(AccountStateActor.Props("q3", Venue)));
        EventFilter.Error(contains: "Failed to persist event").ExpectOne(() => actor.Tell(new VenueEventsReceived([Usdt, BtcLong])));
        ExpectTerminated(actor);
        Assert.Equal(0, _recorder.Gauge(Depth));
    }

    [Fact]
    public void A_frame_without_a_read_time_is_persisted_but_not_measured_from_the_socket()
    {
        var actor = ActorOf(AccountStateActor.Props("q4", Venue));
        actor.Tell(new VenueEventsReceived([Usdt]));
        Assert.Equal(1, StateOf(actor).SequenceNr);
        Assert.Equal(1, _recorder.Count("supervisor_journal_write_seconds"));
        Assert.Equal(0, _recorder.Count("supervisor_frame_persisted_seconds"));
    }

    void IDisposable.Dispose()
    {
        _recorder.Dispose();
        Dispose();
    }
}
