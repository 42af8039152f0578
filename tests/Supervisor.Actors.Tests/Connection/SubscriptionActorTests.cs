using System.Text;
using Supervisor.Actors.Connection;
using Akka.Actor;

namespace Supervisor.Actors.Tests.Connection;

public sealed class SubscriptionActorTests : ActorSpec
{
    private static readonly SubscriptionSettings Settings = new()
    {
        MaxRequestsPerWindow = 2,
        Window = TimeSpan.FromSeconds(1),
        AckTimeout = TimeSpan.FromSeconds(5),
        MaxRejections = 3,
    };

    public SubscriptionActorTests()
        : base(VirtualTime())
    {
    }

    private static SubscriptionRequest Channel(string key) => new(key, Encoding.UTF8.GetBytes($"sub:{key}"));

    private static string FrameText(SendFrame frame) => Encoding.UTF8.GetString(frame.Frame);

    [Fact]
    public void Sends_within_the_rate_limit_and_reports_when_every_channel_is_acknowledged()
    {
        var subscriptions = ChildOf(SubscriptionActor.Props([Channel("order"), Channel("position"), Channel("assets")], Settings));
        Assert.Equal("sub:order", FrameText(ExpectMsg<SendFrame>()));
        Assert.Equal("sub:position", FrameText(ExpectMsg<SendFrame>()));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("sub:assets", FrameText(ExpectMsg<SendFrame>()));
        subscriptions.Tell(new SubscriptionAcked("order"));
        subscriptions.Tell(new SubscriptionAcked("order"));
        subscriptions.Tell(new SubscriptionAcked("position"));
        subscriptions.Tell(new SubscriptionAcked("assets"));
        Assert.Equal(3, ExpectMsg<SubscriptionsComplete>().Channels);
    }

    [Fact]
    public void A_rejected_channel_is_retried_in_a_later_window()
    {
        var subscriptions = ChildOf(SubscriptionActor.Props([Channel("order")], Settings));
        ExpectMsg<SendFrame>();
        subscriptions.Tell(new SubscriptionRejected("order", "1001 Rate Limit"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("sub:order", FrameText(ExpectMsg<SendFrame>()));
        subscriptions.Tell(new SubscriptionAcked("order"));
        ExpectMsg<SubscriptionsComplete>();
    }

    [Fact]
    public void A_missing_ack_counts_as_a_rejection_and_repeated_rejection_fails_the_connection()
    {
        var subscriptions = Watch(ChildOf(SubscriptionActor.Props([Channel("order")], Settings)));
        ExpectMsg<SendFrame>();
        // Akka's TestScheduler fires a periodic timer once per Advance: step through the 5 s ack timeout window by
        // window, plus one, since the overdue ack and that window's tick fall due together in either order.
        for (var second = 0; second < 6; second++)
        {
            Scheduler.Advance(TimeSpan.FromSeconds(1));
        }
        ExpectMsg<SendFrame>(TimeSpan.FromSeconds(1));
        subscriptions.Tell(new SubscriptionRejected(null, "errorCode 1007"));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg<SendFrame>();
        EventFilter.Exception<SubscriptionRejectedException>(contains: "[order] failed 3 times").ExpectOne(
            () => subscriptions.Tell(new SubscriptionRejected("order", "errorCode 1007")));
        ExpectTerminated(subscriptions);
    }

    [Fact]
    public void No_channels_is_complete_at_once()
    {
        ChildOf(SubscriptionActor.Props([], Settings));
        Assert.Equal(0, ExpectMsg<SubscriptionsComplete>().Channels);
    }
}
