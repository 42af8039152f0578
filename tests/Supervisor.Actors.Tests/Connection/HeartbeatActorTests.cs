using Supervisor.Actors.Connection;
using Akka.Actor;

namespace Supervisor.Actors.Tests.Connection;

public sealed class HeartbeatActorTests : ActorSpec
{
    private static readonly HeartbeatSettings Settings = new()
    {
        Interval = TimeSpan.FromSeconds(10),
        PongTimeout = TimeSpan.FromSeconds(5),
        SilenceTimeout = TimeSpan.FromSeconds(45),
    };

    public HeartbeatActorTests()
        : base(VirtualTime())
    {
    }

    [Fact]
    public void Pings_at_once_and_then_every_interval_while_pongs_come_back()
    {
        var heartbeat = ChildOf(HeartbeatActor.Props(Settings));
        ExpectMsg<SendPing>();
        heartbeat.Tell(new PongReceived());
        for (var i = 0; i < 5; i++)
        {
            Scheduler.Advance(TimeSpan.FromSeconds(10));
            ExpectMsg<SendPing>();
            heartbeat.Tell(new PongReceived());
        }
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_missing_pong_fails_the_heartbeat_after_the_pong_timeout()
    {
        var heartbeat = Watch(ChildOf(HeartbeatActor.Props(Settings)));
        ExpectMsg<SendPing>();
        Scheduler.Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        EventFilter.Exception<HeartbeatTimeoutException>(contains: "No pong").ExpectOne(() => Scheduler.Advance(TimeSpan.FromSeconds(1)));
        ExpectTerminated(heartbeat);
    }

    [Fact]
    public void A_silent_stream_fails_even_when_pongs_were_answered_before()
    {
        var settings = Settings with { Interval = TimeSpan.FromSeconds(30), SilenceTimeout = TimeSpan.FromSeconds(45) };
        var heartbeat = Watch(ChildOf(HeartbeatActor.Props(settings)));
        ExpectMsg<SendPing>();
        heartbeat.Tell(new PongReceived());
        heartbeat.Tell(new StreamActivity());
        // The next ping at 30 s gets no pong; its deadline (35 s) comes first.
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        ExpectMsg<SendPing>();
        EventFilter.Exception<HeartbeatTimeoutException>().ExpectOne(() => Scheduler.Advance(TimeSpan.FromSeconds(20)));
        ExpectTerminated(heartbeat);
    }

    [Fact]
    public void Out_of_range_settings_name_the_setting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (Settings with { Interval = TimeSpan.Zero }).Validate("supervisor.venues.coinw.heartbeat"));
        Assert.Contains("supervisor.venues.coinw.heartbeat.interval must be between", error.Message);
    }
}
