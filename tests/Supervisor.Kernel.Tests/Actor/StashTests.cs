using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Tests.Actor;

public sealed class StashTests : TestKit.TestKit
{
    [Fact]
    public void UnstashAll_replays_the_stashed_messages_in_order_before_newer_ones()
    {
        var actor = ActorOf(Props.Create(() => new GateActor(TestActor)));
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell("open");
        actor.Tell(3);
        ExpectMsg("opened");
        ExpectMsg(1);
        ExpectMsg(2);
        ExpectMsg(3);
    }

    [Fact]
    public void The_stash_goes_back_to_the_mailbox_on_restart()
    {
        var actor = ActorOf(Props.Create(() => new GateActor(TestActor)));
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(new TestFailure("boom"));
        ExpectMsg("restarted");
        // The new instance starts closed again, so it stashes the returned messages until opened.
        actor.Tell("open");
        ExpectMsg("opened");
        ExpectMsg(1);
        ExpectMsg(2);
    }

    [Fact]
    public void Stashing_the_same_message_twice_is_an_error()
    {
        // Stopped rather than restarted: a restart would hand the stashed message back and fail the same way forever.
        var parent = ActorOf(Props.Create(() => new SupervisingActor(SupervisorStrategy.StoppingStrategy, TestActor)));
        parent.Tell(Props.Create(() => new DoubleStashActor(TestActor)));
        var actor = Watch(ExpectMsg<IActorRef>());
        EventFilter.Exception<IllegalActorStateException>(contains: "twice").ExpectOne(() => actor.Tell("x"));
        ExpectTerminated(actor);
    }

    [Fact]
    public void Stashed_messages_go_to_dead_letters_when_the_actor_stops()
    {
        var actor = ActorOf(Props.Create(() => new GateActor(TestActor)));
        EventFilter.DeadLetter<int>().Expect(2, () =>
        {
            actor.Tell(1);
            actor.Tell(2);
            actor.Tell("stop");
        });
    }

    private sealed class GateActor : ReceiveActor, IWithUnboundedStash
    {
        private readonly IActorRef _probe;

        public GateActor(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "open", _ =>
            {
                probe.Tell("opened");
                Become(() => Receive<int>(i => probe.Tell(i)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            Receive<Exception>(e => throw e);
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");
    }

    private sealed class DoubleStashActor : ReceiveActor, IWithUnboundedStash
    {
        public DoubleStashActor(IActorRef probe)
        {
            ReceiveAny(_ =>
            {
                Stash.Stash();
                Stash.Stash();
            });
        }

        public IStash Stash { get; set; } = null!;
    }
}
