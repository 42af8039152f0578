using Supervisor.Kernel.Actor;
using Supervisor.TestKit;

namespace Supervisor.Kernel.Tests.Actor;

public sealed class DeathWatchTests : TestKit.TestKit
{
    [Fact]
    public void Watching_an_actor_that_is_already_dead_still_delivers_Terminated()
    {
        var target = ActorOf(Props.Create(() => new EchoActor()));
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);

        var late = CreateTestProbe();
        late.Watch(target);
        var terminated = late.ExpectTerminated(target);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void WatchWith_delivers_the_custom_message()
    {
        var target = ActorOf(Props.Create(() => new EchoActor()));
        var watcher = ActorOf(Props.Create(() => new WatchingActor(TestActor)));
        watcher.Tell(("watch-with", target));
        ExpectMsg("watching");
        Sys.Stop(target);
        ExpectMsg("custom: target gone");
    }

    [Fact]
    public void Unwatch_drops_a_Terminated_that_is_already_queued()
    {
        var target = ActorOf(Props.Create(() => new EchoActor()));
        var watcher = ActorOf(Props.Create(() => new WatchingActor(TestActor)));
        watcher.Tell(("watch", target));
        ExpectMsg("watching");
        // The watcher blocks, the target stops (its Terminated queues behind), then the watcher unwatches.
        var gate = new ManualResetEventSlim();
        watcher.Tell(gate);
        ExpectMsg("blocked");
        Sys.Stop(target);
        AwaitCondition(() => ((InternalActorRef)target).IsTerminated);
        watcher.Tell(("unwatch", target));
        gate.Set();
        ExpectMsg("unwatched");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void An_unhandled_Terminated_is_a_death_pact_that_stops_the_watcher()
    {
        var target = ActorOf(Props.Create(() => new EchoActor()));
        var watcher = ActorOf(Props.Create(() => new WatchingActor(TestActor)));
        Watch(watcher);
        watcher.Tell(("watch-unhandled", target));
        ExpectMsg("watching");
        EventFilter.Exception<DeathPactException>().ExpectOne(() => Sys.Stop(target));
        ExpectTerminated(watcher);
    }

    [Fact]
    public void A_child_name_is_free_again_once_the_child_has_stopped()
    {
        var parent = ActorOf(Props.Create(() => new SupervisingActor(SupervisorStrategy.DefaultStrategy, TestActor)));
        parent.Tell(("same", Props.Create(() => new EchoActor())));
        var first = Watch(ExpectMsg<IActorRef>());
        Sys.Stop(first);
        ExpectTerminated(first);
        AwaitAssert(() =>
        {
            parent.Tell(("same", Props.Create(() => new EchoActor())));
            var second = ExpectMsg<IActorRef>(TimeSpan.FromMilliseconds(200));
            Assert.NotSame(first, second);
        });
    }

    private sealed class WatchingActor : ReceiveActor
    {
        public WatchingActor(IActorRef probe)
        {
            Receive<(string Command, IActorRef Target)>(c =>
            {
                switch (c.Command)
                {
                    case "watch":
                        Context.Watch(c.Target);
                        Become(() =>
                        {
                            Receive<Terminated>(t => probe.Tell("terminated"));
                            Receive<ManualResetEventSlim>(g => Block(g, probe));
                            Receive<(string, IActorRef)>(u =>
                            {
                                Context.Unwatch(u.Item2);
                                probe.Tell("unwatched");
                            });
                        });
                        break;
                    case "watch-with":
                        Context.WatchWith(c.Target, "custom: target gone");
                        Become(() => Receive<string>(s => probe.Tell(s)));
                        break;
                    case "watch-unhandled":
                        Context.Watch(c.Target);
                        Become(() => Receive<string>(s => probe.Tell(s)));
                        break;
                }
                probe.Tell("watching");
            });
        }

        private static void Block(ManualResetEventSlim gate, IActorRef probe)
        {
            probe.Tell("blocked");
            gate.Wait(TimeSpan.FromSeconds(10));
        }
    }
}
