using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Pattern;

namespace Supervisor.Kernel.Tests.Pattern;

public sealed class BackoffSupervisorTests : TestKit.TestKit
{
    public BackoffSupervisorTests()
        : base(VirtualTime())
    {
    }

    private static BackoffOptions OnStop(IActorRef probe) =>
        Backoff.OnStop(Props.Create(() => new ReportingActor(probe)), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0.2)
            .WithRandomSource(() => 0.5)
            .WithManualReset();

    // The supervisor schedules the re-creation in the same turn in which it forgets the child, so once it reports
    // no child the timer is in place and virtual time can be advanced.
    private void AwaitChildGone(IActorRef supervisor) => AwaitAssert(() =>
    {
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance);
        Assert.True(ExpectMsg<BackoffSupervisor.CurrentChild>().Ref.IsNobody());
    });

    // A PoisonPill sent to the supervisor would stop the supervisor itself; the child is stopped directly.
    private void StopChildOf(IActorRef supervisor)
    {
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance);
        ExpectMsg<BackoffSupervisor.CurrentChild>().Ref.Tell(PoisonPill.Instance);
    }

    [Fact]
    public void OnStop_recreates_the_child_after_exponential_delays_with_jitter()
    {
        var supervisor = ActorOf(BackoffSupervisor.Props(OnStop(TestActor)));
        ExpectMsg("prestart:worker");
        // Delays: 1 s, 2 s, 4 s, 8 s, then capped at 10 s; each × (1 + 0.5 × 0.2) = × 1.1.
        double[] expectedSeconds = [1.1, 2.2, 4.4, 8.8, 11, 11];
        foreach (var seconds in expectedSeconds)
        {
            StopChildOf(supervisor);
            ExpectMsg("poststop:worker");
            AwaitChildGone(supervisor);
            Scheduler.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            ExpectNoMsg(TimeSpan.FromMilliseconds(30));
            Scheduler.Advance(TimeSpan.FromMilliseconds(1));
            ExpectMsg("prestart:worker");
        }
    }

    [Fact]
    public void DelayFor_follows_the_formula_and_stays_finite_for_huge_counts()
    {
        var options = OnStop(TestActor);
        Assert.Equal(TimeSpan.FromSeconds(1.1), options.DelayFor(0));
        Assert.Equal(TimeSpan.FromSeconds(11), options.DelayFor(4));
        Assert.Equal(TimeSpan.FromSeconds(11), options.DelayFor(int.MaxValue));
    }

    [Fact]
    public void The_restart_count_resets_after_the_child_stayed_up_for_the_reset_period()
    {
        var options = OnStop(TestActor).WithAutoReset(TimeSpan.FromSeconds(30));
        var supervisor = ActorOf(BackoffSupervisor.Props(options));
        ExpectMsg("prestart:worker");
        StopChildOf(supervisor);
        ExpectMsg("poststop:worker");
        AwaitChildGone(supervisor);
        Scheduler.Advance(TimeSpan.FromSeconds(1.1));
        ExpectMsg("prestart:worker");
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance);
        ExpectMsg(new BackoffSupervisor.RestartCount(1));
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        AwaitAssert(() =>
        {
            supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance);
            ExpectMsg(new BackoffSupervisor.RestartCount(0), TimeSpan.FromMilliseconds(200));
        });
    }

    [Fact]
    public void Manual_reset_on_request()
    {
        var supervisor = ActorOf(BackoffSupervisor.Props(OnStop(TestActor)));
        ExpectMsg("prestart:worker");
        StopChildOf(supervisor);
        ExpectMsg("poststop:worker");
        AwaitChildGone(supervisor);
        Scheduler.Advance(TimeSpan.FromSeconds(2));
        ExpectMsg("prestart:worker");
        supervisor.Tell(BackoffSupervisor.Reset.Instance);
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance);
        ExpectMsg(new BackoffSupervisor.RestartCount(0));
    }

    [Fact]
    public void The_supervisor_stops_once_the_retries_are_used_up()
    {
        var supervisor = Watch(ActorOf(BackoffSupervisor.Props(OnStop(TestActor).WithMaxNrOfRetries(1))));
        ExpectMsg("prestart:worker");
        StopChildOf(supervisor);
        ExpectMsg("poststop:worker");
        AwaitChildGone(supervisor);
        Scheduler.Advance(TimeSpan.FromSeconds(2));
        ExpectMsg("prestart:worker");
        StopChildOf(supervisor);
        ExpectMsg("poststop:worker");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void Messages_are_forwarded_to_the_child_and_answered_while_it_is_away()
    {
        var options = OnStop(TestActor).WithReplyWhileStopped("not now");
        var supervisor = ActorOf(BackoffSupervisor.Props(options));
        ExpectMsg("prestart:worker");
        supervisor.Tell("hello");
        ExpectMsg("hello");
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance);
        var child = ExpectMsg<BackoffSupervisor.CurrentChild>().Ref;
        Assert.False(child.IsNobody());
        Assert.Equal("worker", child.Path.Name);
        StopChildOf(supervisor);
        ExpectMsg("poststop:worker");
        AwaitAssert(() =>
        {
            supervisor.Tell("hello again");
            ExpectMsg("not now", TimeSpan.FromMilliseconds(200));
        });
    }

    [Fact]
    public void OnFailure_recreates_a_failed_child_after_the_delay_instead_of_restarting_in_place()
    {
        var options = Backoff.OnFailure(Props.Create(() => new ReportingActor(TestActor)), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0)
            .WithManualReset();
        var supervisor = ActorOf(BackoffSupervisor.Props(options));
        ExpectMsg("prestart:worker");
        supervisor.Tell(new TestFailure("boom"));
        ExpectMsg("poststop:worker");
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        AwaitChildGone(supervisor);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("prestart:worker");
    }

    [Fact]
    public void OnFailure_stops_when_the_child_stops_by_itself()
    {
        var options = Backoff.OnFailure(Props.Create(() => new ReportingActor(TestActor)), "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0);
        var supervisor = Watch(ActorOf(BackoffSupervisor.Props(options)));
        ExpectMsg("prestart:worker");
        StopChildOf(supervisor);
        ExpectMsg("poststop:worker");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void Out_of_range_options_are_rejected()
    {
        var props = Props.Create(() => new EchoActor());
        Assert.Throws<ArgumentOutOfRangeException>(() => BackoffSupervisor.Props(Backoff.OnStop(props, "c", TimeSpan.Zero, TimeSpan.FromSeconds(1), 0.2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackoffSupervisor.Props(Backoff.OnStop(props, "c", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 0.2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackoffSupervisor.Props(Backoff.OnStop(props, "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 1.5)));
    }
}
