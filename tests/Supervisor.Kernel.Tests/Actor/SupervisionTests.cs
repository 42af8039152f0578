using Supervisor.Kernel.Actor;
using Supervisor.TestKit;

namespace Supervisor.Kernel.Tests.Actor;

public sealed class SupervisionTests : TestKit.TestKit
{
    public SupervisionTests()
        : base(VirtualTime())
    {
    }

    private IActorRef Supervise(SupervisorStrategy strategy, Props child, string name = "child") =>
        Spawn(ActorOf(Props.Create(() => new SupervisingActor(strategy, TestActor))), name, child);

    // The reply comes to its own probe: the new child's PreStart reports to the test actor from another sender, so
    // the two could arrive in either order.
    private IActorRef Spawn(IActorRef parent, string name, Props child)
    {
        var replies = CreateTestProbe();
        parent.Tell((name, child), replies.Ref);
        return replies.ExpectMsg<IActorRef>();
    }

    [Fact]
    public void Restart_drops_the_failing_message_and_keeps_the_mailbox()
    {
        var gate = new ManualResetEventSlim();
        var probe = CreateTestProbe();
        var child = Supervise(SupervisorStrategy.DefaultStrategy, Props.Create(() => new GatedActor(gate, probe.Ref)));
        // Queue: block, boom, 1, 2 -- the failure must not lose 1 and 2.
        child.Tell("block");
        child.Tell(new TestFailure("boom"));
        child.Tell(1);
        child.Tell(2);
        probe.ExpectMsg("blocked");
        EventFilter.Exception<TestFailure>().ExpectOne(() => gate.Set());
        probe.ExpectMsg("restarted");
        probe.ExpectMsg(1);
        probe.ExpectMsg(2);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Restart_keeps_the_reference_and_resets_the_state()
    {
        var child = Supervise(SupervisorStrategy.DefaultStrategy, Props.Create(() => new ReportingActor(TestActor)));
        ExpectMsg("prestart:child");
        child.Tell("a");
        ExpectMsg("a");
        child.Tell("count");
        ExpectMsg(1);
        child.Tell(new TestFailure("boom"));
        ExpectMsg<string>(s => s.StartsWith("prerestart:child:", StringComparison.Ordinal));
        ExpectMsg("poststop:child");
        ExpectMsg("postrestart:child");
        ExpectMsg("prestart:child");
        child.Tell("count");
        ExpectMsgFrom<int>(child);
        Assert.Equal(0, LastMessage);
    }

    [Fact]
    public void Default_PreRestart_stops_the_children()
    {
        var child = Supervise(SupervisorStrategy.DefaultStrategy, Props.Create(() => new ReportingActor(TestActor)));
        ExpectMsg("prestart:child");
        child.Tell("spawn:grandchild");
        ExpectMsg("prestart:grandchild");
        child.Tell(new TestFailure("boom"));
        // The grandchild is stopped (PostStop) before the new instance of the child starts.
        ExpectMsg<string>(s => s.StartsWith("prerestart:child", StringComparison.Ordinal));
        var events = ReceiveN(4).Cast<string>().ToList();
        Assert.Contains("poststop:grandchild", events);
        Assert.True(events.IndexOf("poststop:grandchild") < events.IndexOf("postrestart:child"), string.Join(",", events));
        Assert.Equal("prestart:child", events[^1]);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Resume);
        var child = Supervise(strategy, Props.Create(() => new ReportingActor(TestActor)));
        ExpectMsg("prestart:child");
        child.Tell("a");
        ExpectMsg("a");
        child.Tell(new TestFailure("boom"));
        child.Tell("count");
        ExpectMsg(1);
    }

    [Fact]
    public void Restarts_beyond_the_budget_within_the_window_stop_the_child()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var child = Supervise(strategy, Props.Create(() => new ReportingActor(TestActor)));
        Watch(child);
        ExpectMsg("prestart:child");
        for (var i = 0; i < 2; i++)
        {
            child.Tell(new TestFailure("boom"));
            FishForMessage<string>(s => s == "prestart:child");
        }
        child.Tell(new TestFailure("third"));
        FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public void A_failure_after_the_window_has_passed_opens_a_new_window()
    {
        var strategy = new OneForOneStrategy(1, TimeSpan.FromSeconds(10), _ => Directive.Restart);
        var child = Supervise(strategy, Props.Create(() => new ReportingActor(TestActor)));
        Watch(child);
        ExpectMsg("prestart:child");
        child.Tell(new TestFailure("first"));
        FishForMessage<string>(s => s == "prestart:child");
        Scheduler.Advance(TimeSpan.FromSeconds(11));
        child.Tell(new TestFailure("second, in a new window"));
        FishForMessage<string>(s => s == "prestart:child");
        child.Tell(new TestFailure("third, same window"));
        FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public void Zero_retries_turns_a_restart_into_a_stop()
    {
        var strategy = new OneForOneStrategy(0, null, _ => Directive.Restart);
        var child = Supervise(strategy, Props.Create(() => new ReportingActor(TestActor)));
        Watch(child);
        ExpectMsg("prestart:child");
        child.Tell(new TestFailure("boom"));
        ExpectMsg("poststop:child");
        ExpectTerminated(child);
    }

    [Fact]
    public void A_constructor_failure_stops_the_actor_with_ActorInitializationException()
    {
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() =>
        {
            var child = Supervise(SupervisorStrategy.DefaultStrategy, Props.Create(() => new FailingConstructorActor()));
            Watch(child);
            ExpectTerminated(child);
        });
    }

    [Fact]
    public void A_PreStart_failure_stops_the_actor_without_PostStop()
    {
        var probe = CreateTestProbe();
        var child = Supervise(SupervisorStrategy.DefaultStrategy, Props.Create(() => new FailingPreStartActor(probe.Ref)));
        Watch(child);
        ExpectTerminated(child);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Escalate_hands_the_decision_to_the_grandparent()
    {
        // grandparent (restart) -> parent (escalate) -> child; the parent restarts, which stops the child.
        var escalating = new OneForOneStrategy(_ => Directive.Escalate);
        var grandparent = ActorOf(Props.Create(() => new SupervisingActor(SupervisorStrategy.DefaultStrategy, TestActor)));
        var parent = Spawn(grandparent, "parent", Props.Create(() => new SupervisingActor(escalating, TestActor)));
        var child = Spawn(parent, "child", Props.Create(() => new ReportingActor(TestActor)));
        ExpectMsg("prestart:child");
        Watch(child);
        Watch(parent);
        child.Tell(new TestFailure("boom"));
        ExpectMsg("poststop:child");
        ExpectTerminated(child);
        parent.Tell("parent still alive");
        ExpectMsg("parent still alive");
    }

    [Fact]
    public void AllForOne_restarts_the_siblings_too()
    {
        var strategy = new AllForOneStrategy(_ => Directive.Restart);
        var parent = ActorOf(Props.Create(() => new SupervisingActor(strategy, TestActor)));
        var a = Spawn(parent, "a", Props.Create(() => new ReportingActor(TestActor)));
        ExpectMsg("prestart:a");
        Spawn(parent, "b", Props.Create(() => new ReportingActor(TestActor)));
        ExpectMsg("prestart:b");
        a.Tell(new TestFailure("boom"));
        var events = ReceiveN(8).Cast<string>().ToHashSet();
        Assert.Contains("postrestart:a", events);
        Assert.Contains("postrestart:b", events);
    }

    [Fact]
    public void AllForOne_stop_stops_every_child()
    {
        var strategy = new AllForOneStrategy(_ => Directive.Stop);
        var parent = ActorOf(Props.Create(() => new SupervisingActor(strategy, TestActor)));
        var a = Watch(Spawn(parent, "a", Props.Create(() => new ReportingActor(TestActor))));
        ExpectMsg("prestart:a");
        var b = Watch(Spawn(parent, "b", Props.Create(() => new ReportingActor(TestActor))));
        ExpectMsg("prestart:b");
        a.Tell(new TestFailure("boom"));
        var terminated = ReceiveN(4).OfType<Terminated>().Select(t => t.ActorRef).ToList();
        Assert.Contains(a, terminated);
        Assert.Contains(b, terminated);
    }

    [Fact]
    public void Kill_stops_the_actor_by_default()
    {
        var child = Supervise(SupervisorStrategy.DefaultStrategy, Props.Create(() => new ReportingActor(TestActor)));
        ExpectMsg("prestart:child");
        Watch(child);
        child.Tell(Kill.Instance);
        ExpectMsg("poststop:child");
        ExpectTerminated(child);
    }

    [Fact]
    public void Kill_is_a_failure_so_a_custom_strategy_can_restart()
    {
        var child = Supervise(new OneForOneStrategy(_ => Directive.Restart), Props.Create(() => new ReportingActor(TestActor)));
        ExpectMsg("prestart:child");
        child.Tell(Kill.Instance);
        FishForMessage<string>(s => s == "postrestart:child");
    }

    [Fact]
    public void A_decider_that_throws_fails_the_supervisor_itself()
    {
        var broken = new OneForOneStrategy(_ => throw new InvalidOperationException("decider bug"));
        var grandparent = ActorOf(Props.Create(() => new SupervisingActor(SupervisorStrategy.DefaultStrategy, TestActor)));
        var parent = Spawn(grandparent, "parent", Props.Create(() => new SupervisingActor(broken, TestActor)));
        var child = Watch(Spawn(parent, "child", Props.Create(() => new ReportingActor(TestActor))));
        ExpectMsg("prestart:child");
        EventFilter.Exception<InvalidOperationException>(contains: "decider bug").Expect(2, () => child.Tell(new TestFailure("boom")));
        // The parent was restarted by the grandparent (default strategy), which stopped the child.
        FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public void A_refused_restart_is_reported_and_other_children_keep_running()
    {
        var strategy = new OneForOneStrategy(0, null, _ => Directive.Restart);
        var parent = ActorOf(Props.Create(() => new SupervisingActor(strategy, TestActor)));
        var a = Watch(Spawn(parent, "a", Props.Create(() => new EchoActor())));
        var b = Spawn(parent, "b", Props.Create(() => new EchoActor()));
        a.Tell(Kill.Instance);
        ExpectTerminated(a);
        b.Tell("still here");
        ExpectMsg("still here");
    }

    [Fact]
    public void Resuming_an_actor_whose_constructor_failed_builds_a_new_instance()
    {
        var attempts = 0;
        Func<int> attempt = () => ++attempts;
        var child = Supervise(new OneForOneStrategy(_ => Directive.Resume), Props.Create(() => new FlakyConstructorActor(attempt)));
        child.Tell("ping");
        ExpectMsg("pong");
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task An_escalation_that_reaches_the_user_guardian_terminates_the_system()
    {
        var setup = ActorSystemSetup.Default with { GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate) };
        using var system = ActorSystem.Create("escalating", setup);
        var top = system.ActorOf(Props.Create(() => new EchoActor()));
        top.Tell(Kill.Instance, ActorRefs.NoSender);
        await system.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Resume_is_logged_as_a_warning_and_restart_as_an_error()
    {
        var resuming = Supervise(new OneForOneStrategy(_ => Directive.Resume), Props.Create(() => new EchoActor()), "resumed");
        EventFilter.Warning(contains: "resuming").ExpectOne(() => resuming.Tell(Kill.Instance));
        var restarting = Supervise(new OneForOneStrategy(_ => Directive.Restart), Props.Create(() => new EchoActor()), "restarted");
        EventFilter.Error(contains: "restarting").ExpectOne(() => restarting.Tell(Kill.Instance));
    }

    private sealed class FlakyConstructorActor : ReceiveActor
    {
        public FlakyConstructorActor(Func<int> attempt)
        {
            if (attempt() == 1)
            {
                throw new TestFailure("first construction fails");
            }
            Receive<string>(_ => Sender.Tell("pong"));
        }
    }

    private sealed class GatedActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public GatedActor(ManualResetEventSlim gate, IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "block", _ =>
            {
                probe.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(10));
            });
            Receive<Exception>(e => throw e);
            ReceiveAny(m => probe.Tell(m));
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");
    }

    private sealed class FailingConstructorActor : ReceiveActor
    {
        public FailingConstructorActor() => throw new TestFailure("constructor");
    }

    private sealed class FailingPreStartActor(IActorRef probe) : ActorBase
    {
        protected override bool Receive(object message) => true;

        protected override void PreStart() => throw new TestFailure("prestart");

        protected override void PostStop() => probe.Tell("poststop");
    }
}
