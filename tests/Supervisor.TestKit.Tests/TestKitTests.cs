using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Actor;
using Supervisor.TestKit;
using Xunit.Sdk;

namespace Supervisor.TestKit.Tests;

public sealed class TestKitTests : TestKit
{
    [Fact]
    public void ExpectMsg_fails_with_a_timeout_when_nothing_arrives()
    {
        var error = Assert.Throws<XunitException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));
        Assert.Contains("timeout", error.Message);
    }

    [Fact]
    public void ExpectMsg_fails_on_a_message_of_another_type_or_value()
    {
        TestActor.Tell(42);
        Assert.Throws<XunitException>(() => ExpectMsg<string>());
        TestActor.Tell("a");
        Assert.Throws<XunitException>(() => ExpectMsg("b"));
    }

    [Fact]
    public void ExpectNoMsg_fails_when_a_message_arrives()
    {
        TestActor.Tell("surprise");
        Assert.Throws<XunitException>(() => ExpectNoMsg(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void FishForMessage_skips_until_a_match_and_ReceiveN_takes_exactly_n()
    {
        foreach (var i in Enumerable.Range(1, 5))
        {
            TestActor.Tell(i);
        }
        Assert.Equal(3, FishForMessage<int>(i => i == 3));
        Assert.Equal([4, 5], ReceiveN(2).Cast<int>());
    }

    [Fact]
    public void Within_fails_when_the_block_takes_too_long()
    {
        Assert.Throws<XunitException>(() => Within(TimeSpan.FromMilliseconds(50), () => ExpectMsg<string>(TimeSpan.FromMilliseconds(200))));
        var remainingInside = Within(TimeSpan.FromSeconds(1), () => RemainingOrDefault);
        Assert.True(remainingInside <= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void AwaitAssert_retries_until_the_assertion_passes_and_rethrows_the_last_failure()
    {
        var calls = 0;
        AwaitAssert(() => Assert.True(++calls >= 3), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, calls);
        var error = Assert.ThrowsAny<Exception>(() => AwaitAssert(() => Assert.Fail("never"), TimeSpan.FromMilliseconds(50)));
        Assert.Contains("never", error.Message);
    }

    [Fact]
    public void A_probe_with_an_autopilot_answers_for_itself()
    {
        var probe = CreateTestProbe();
        probe.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            sender.Tell($"auto:{message}", ActorRefs.NoSender);
            return AutoPilot.KeepRunning;
        }));
        probe.Ref.Tell("hi", TestActor);
        ExpectMsg("auto:hi");
        probe.ExpectMsg("hi");
        Assert.Same(TestActor, probe.Sender);
        probe.Reply("direct");
        ExpectMsg("direct");
    }

    [Fact]
    public void EventFilter_counts_log_events_and_fails_on_the_wrong_count()
    {
        var logger = Sys.CreateActorLogger("test-source", typeof(TestKitTests));
        EventFilter.Warning(contains: "careful").Expect(2, () =>
        {
            logger.LogWarning("careful 1");
            logger.LogWarning("careful 2");
            logger.LogWarning("something else");
        });
        var error = Assert.Throws<XunitException>(() =>
            EventFilter.Error(contains: "missing").Expect(1, TimeSpan.FromMilliseconds(50), () => logger.LogError("not it")));
        Assert.Contains("saw 0", error.Message);
    }

    [Fact]
    public void IgnoreMessages_drops_matching_messages()
    {
        IgnoreMessages<string>(s => s.StartsWith("noise", StringComparison.Ordinal));
        TestActor.Tell("noise 1");
        TestActor.Tell("signal");
        ExpectMsg("signal");
    }

    [Fact]
    public void The_test_scheduler_runs_due_items_in_order_and_honours_cancellation()
    {
        var scheduler = new TestScheduler();
        var log = new List<string>();
        scheduler.ScheduleOnce(TimeSpan.FromSeconds(2), () => log.Add("b"));
        scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => log.Add("a"));
        scheduler.ScheduleOnce(TimeSpan.FromSeconds(3), () => log.Add("never")).Cancel();
        var beat = scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "beat", ActorRefs.NoSender);
        scheduler.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["a", "b"], log);
        Assert.Equal(TimeSpan.FromSeconds(3), scheduler.MonotonicClock);
        ReceiveN(3);
        beat.Cancel();
        scheduler.Advance(TimeSpan.FromSeconds(3));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, scheduler.PendingCount);
    }
}
