using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Tests.Actor;

public sealed class TimerTests : TestKit.TestKit
{
    public TimerTests()
        : base(VirtualTime())
    {
    }

    [Fact]
    public void A_single_timer_fires_once_when_virtual_time_reaches_it()
    {
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor)));
        actor.Tell(new StartSingle("tick", TimeSpan.FromSeconds(10)));
        ExpectMsg("started");
        Scheduler.Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval()
    {
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor)));
        actor.Tell(new StartPeriodic("beat", TimeSpan.FromSeconds(1)));
        ExpectMsg("started");
        Scheduler.Advance(TimeSpan.FromSeconds(3));
        ExpectMsg("beat");
        ExpectMsg("beat");
        ExpectMsg("beat");
        actor.Tell("cancel");
        ExpectMsg("cancelled");
        Scheduler.Advance(TimeSpan.FromSeconds(3));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_stale_timer_message_already_queued_is_dropped_after_the_key_is_reused()
    {
        var gate = new ManualResetEventSlim();
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor)));
        actor.Tell(new StartSingle("old", TimeSpan.FromSeconds(1)));
        ExpectMsg("started");
        actor.Tell(gate);
        ExpectMsg("blocked");
        // While the actor is blocked the old timer fires: its message is queued behind the block.
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        gate.Set();
        // Unblocked, the same handler restarts the key with a new message (see TimerActor).
        ExpectMsg("rekeyed");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("new");
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_restarts()
    {
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor)));
        actor.Tell(new StartSingle("tick", TimeSpan.FromSeconds(5)));
        ExpectMsg("started");
        actor.Tell(new TestFailure("boom"));
        ExpectMsg("restarted");
        Scheduler.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void The_receive_timeout_fires_after_each_idle_period_on_virtual_time()
    {
        var actor = ActorOf(Props.Create(() => new IdleActor(TestActor)));
        ExpectMsg("ready");
        Scheduler.Advance(TimeSpan.FromSeconds(5));
        ExpectMsg("idle");
        Scheduler.Advance(TimeSpan.FromSeconds(5));
        ExpectMsg("idle");
        actor.Tell("busy");
        ExpectMsg("busy");
        Scheduler.Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        actor.Tell("off");
        ExpectMsg("off");
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    private sealed record StartSingle(string Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Message, TimeSpan Interval);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef probe)
        {
            Receive<StartSingle>(s =>
            {
                Timers.StartSingleTimer("key", s.Message, s.Delay);
                probe.Tell("started");
            });
            Receive<StartPeriodic>(s =>
            {
                Timers.StartPeriodicTimer("key", s.Message, s.Interval);
                probe.Tell("started");
            });
            Receive<ManualResetEventSlim>(gate =>
            {
                probe.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(10));
                Timers.StartSingleTimer("key", "new", TimeSpan.FromSeconds(1));
                probe.Tell("rekeyed");
            });
            Receive<string>(s => s == "cancel", _ =>
            {
                Timers.Cancel("key");
                probe.Tell("cancelled");
            });
            Receive<Exception>(e => throw e);
            Receive<string>(s => probe.Tell(s));
            Probe = probe;
        }

        public ITimerScheduler Timers { get; set; } = null!;

        private IActorRef Probe { get; }

        protected override void PostRestart(Exception reason) => Probe.Tell("restarted");
    }

    private sealed class IdleActor : ReceiveActor
    {
        public IdleActor(IActorRef probe)
        {
            Receive<ReceiveTimeout>(_ => probe.Tell("idle"));
            Receive<string>(s => s == "off", s =>
            {
                SetReceiveTimeout(null);
                probe.Tell(s);
            });
            Receive<string>(s => probe.Tell(s));
            SetReceiveTimeout(TimeSpan.FromSeconds(5));
            probe.Tell("ready");
        }
    }
}
