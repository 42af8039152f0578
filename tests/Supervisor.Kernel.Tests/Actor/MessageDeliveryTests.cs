using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Event;

namespace Supervisor.Kernel.Tests.Actor;

public sealed class MessageDeliveryTests : TestKit.TestKit
{
    [Fact]
    public void PoisonPill_stops_the_actor_after_the_messages_sent_before_it()
    {
        var actor = Watch(ActorOf(Props.Create(() => new ReportingActor(TestActor)), "victim"));
        ExpectMsg("prestart:victim");
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(PoisonPill.Instance);
        actor.Tell(3);
        ExpectMsg(1);
        ExpectMsg(2);
        ExpectMsg("poststop:victim");
        ExpectTerminated(actor);
    }

    [Fact]
    public void Tell_to_a_stopped_actor_is_a_published_dead_letter_and_never_throws()
    {
        var actor = Watch(ActorOf(Props.Create(() => new EchoActor())));
        Sys.Stop(actor);
        ExpectTerminated(actor);
        var listener = CreateTestProbe();
        Sys.EventStream.Subscribe(listener.Ref, typeof(DeadLetter));
        actor.Tell("late", TestActor);
        var deadLetter = listener.ExpectMsg<DeadLetter>();
        Assert.Equal("late", deadLetter.Message);
        Assert.Same(actor, deadLetter.Recipient);
        Assert.Same(TestActor, deadLetter.Sender);
    }

    [Fact]
    public void A_null_message_is_rejected_at_the_sender()
    {
        var actor = ActorOf(Props.Create(() => new EchoActor()));
        Assert.Throws<ArgumentNullException>(() => actor.Tell(null!, ActorRefs.NoSender));
    }

    [Fact]
    public void Unhandled_messages_are_published_on_the_event_stream()
    {
        var actor = ActorOf(Props.Create(() => new OnlyInts()));
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        actor.Tell("not an int");
        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal("not an int", unhandled.Message);
    }

    [Fact]
    public void Event_stream_subscriptions_match_subtypes()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(AllDeadLetters));
        Sys.EventStream.Publish(new DeadLetter("x", Sys.DeadLetters, Sys.DeadLetters));
        Sys.EventStream.Publish("a string is not a dead letter");
        ExpectMsg<DeadLetter>();
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.True(Sys.EventStream.Unsubscribe(TestActor));
    }

    [Fact]
    public void Become_and_BecomeStacked_switch_behaviour()
    {
        var actor = ActorOf(Props.Create(() => new MoodActor()));
        actor.Tell("mood");
        ExpectMsg("calm");
        actor.Tell("anger");
        actor.Tell("mood");
        ExpectMsg("angry");
        actor.Tell("push-happy");
        actor.Tell("mood");
        ExpectMsg("happy");
        actor.Tell("pop");
        actor.Tell("mood");
        ExpectMsg("angry");
    }

    [Fact]
    public void Invalid_and_duplicate_actor_names_are_rejected_with_a_clear_error()
    {
        Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create(() => new EchoActor()), ""));
        Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create(() => new EchoActor()), "$reserved"));
        var slash = Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create(() => new EchoActor()), "a/b"));
        Assert.Contains("'/'", slash.Message);
        ActorOf(Props.Create(() => new EchoActor()), "unique");
        var duplicate = Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create(() => new EchoActor()), "unique"));
        Assert.Contains("not unique", duplicate.Message);
    }

    [Fact]
    public void Creating_an_actor_with_new_outside_props_fails_clearly()
    {
        var error = Assert.Throws<ActorInitializationException>(() => new EchoActor());
        Assert.Contains("Props", error.Message);
    }

    [Fact]
    public async Task After_Terminate_tells_are_dead_letters_and_ActorOf_fails_clearly()
    {
        var system = ActorSystem.Create("short-lived");
        var actor = system.ActorOf(Props.Create(() => new EchoActor()));
        await system.Terminate();
        Assert.True(((InternalActorRef)actor).IsTerminated);
        actor.Tell("after the end", ActorRefs.NoSender);
        var error = Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create(() => new EchoActor())));
        Assert.Contains("terminating", error.Message);
    }

    [Fact]
    public void Invalid_system_names_and_settings_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("has space"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("ok", ActorSystemSetup.Default with { Throughput = 0 }));
    }

    [Fact]
    public void ReceiveAsync_holds_the_mailbox_until_the_task_completes()
    {
        var release = new TaskCompletionSource();
        var actor = ActorOf(Props.Create(() => new AsyncActor(TestActor, release.Task)));
        actor.Tell("slow");
        actor.Tell("next");
        ExpectMsg("slow started");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        release.SetResult();
        ExpectMsg("slow done");
        ExpectMsg("next");
    }

    [Fact]
    public void A_faulted_ReceiveAsync_handler_is_a_failure_of_that_message()
    {
        var release = new TaskCompletionSource();
        var actor = ActorOf(Props.Create(() => new AsyncActor(TestActor, release.Task)));
        actor.Tell("slow");
        ExpectMsg("slow started");
        EventFilter.Exception<TestFailure>().ExpectOne(() => release.SetException(new TestFailure("async boom")));
        ExpectMsg("restarted");
    }

    private sealed class OnlyInts : ReceiveActor
    {
        public OnlyInts() => Receive<int>(_ => { });
    }

    private sealed class MoodActor : ReceiveActor
    {
        public MoodActor()
        {
            Receive<string>(s => s == "mood", _ => Sender.Tell("calm"));
            Receive<string>(s => s == "anger", _ => Become(Angry));
        }

        private void Angry()
        {
            Receive<string>(s => s == "mood", _ => Sender.Tell("angry"));
            Receive<string>(s => s == "push-happy", _ => BecomeStacked(() =>
            {
                Receive<string>(s => s == "mood", _ => Sender.Tell("happy"));
                Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            }));
        }
    }

    private sealed class AsyncActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public AsyncActor(IActorRef probe, Task release)
        {
            _probe = probe;
            ReceiveAsync<string>(s => s == "slow", async _ =>
            {
                probe.Tell("slow started");
                await release;
                probe.Tell("slow done");
            });
            Receive<string>(s => probe.Tell(s));
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");
    }
}
