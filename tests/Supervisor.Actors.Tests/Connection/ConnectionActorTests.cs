using Supervisor.Actors.Connection;
using Akka.Actor;

namespace Supervisor.Actors.Tests.Connection;

public sealed class ConnectionActorTests : ActorSpec
{
    private static readonly ConnectionSettings Settings = new() { MaxBadFrames = 2 };

    public ConnectionActorTests()
        : base(VirtualTime())
    {
    }

    private ConnectionStatus NextStatus() => ExpectMsg<ConnectionStatusChanged>().Status;

    [Fact]
    public async Task Logs_in_subscribes_goes_live_and_forwards_events()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        var connection = ActorOf(ConnectionActor.Props(new ScriptedProtocol(venue.Uri), Settings, TestActor));
        Assert.Equal(ConnectionStatus.Connecting, NextStatus());
        Assert.Equal(ConnectionStatus.Authenticating, NextStatus());
        Assert.Equal(ConnectionStatus.Subscribing, NextStatus());
        Assert.Equal(ConnectionStatus.Live, NextStatus());
        await venue.Push.Writer.WriteAsync("event:filled");
        Assert.Equal(["filled"], ExpectMsg<VenueEventsReceived>().Events);
        connection.Tell(new GetConnectionStats());
        var stats = ExpectMsg<ConnectionStats>();
        Assert.Equal(1, stats.Events);
    }

    [Fact]
    public async Task A_venue_that_greets_first_needs_no_login()
    {
        await using var venue = await ScriptedVenue.StartAsync(greet: true);
        ActorOf(ConnectionActor.Props(new ScriptedProtocol(venue.Uri, greeting: true), Settings, TestActor));
        FishForMessage<ConnectionStatusChanged>(s => s.Status == ConnectionStatus.Live);
    }

    [Fact]
    public async Task Rejected_credentials_fail_with_AuthenticationRejectedException()
    {
        await using var venue = await ScriptedVenue.StartAsync(loginReply: "login-bad");
        EventFilter.Exception<AuthenticationRejectedException>(contains: "bad key").ExpectOne(() =>
            ChildOf(ConnectionActor.Props(new ScriptedProtocol(venue.Uri), Settings, TestActor)));
    }

    [Fact]
    public async Task A_dropped_socket_fails_with_ConnectionLostException()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        ChildOf(ConnectionActor.Props(new ScriptedProtocol(venue.Uri), Settings, TestActor));
        FishForMessage<ConnectionStatusChanged>(s => s.Status == ConnectionStatus.Live);
        await EventFilter.Exception<ConnectionLostException>().ExpectOneAsync(() => venue.Push.Writer.WriteAsync("drop").AsTask());
    }

    [Fact]
    public async Task A_venue_closing_the_stream_fails_the_connection()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        ChildOf(ConnectionActor.Props(new ScriptedProtocol(venue.Uri), Settings, TestActor));
        FishForMessage<ConnectionStatusChanged>(s => s.Status == ConnectionStatus.Live);
        await EventFilter.Exception<ConnectionLostException>(contains: "maintenance").ExpectOneAsync(() => venue.Push.Writer.WriteAsync("closing").AsTask());
    }

    [Fact]
    public async Task A_few_malformed_frames_are_dropped_but_a_burst_restarts_the_stream()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        var connection = ChildOf(ConnectionActor.Props(new ScriptedProtocol(venue.Uri), Settings, TestActor));
        FishForMessage<ConnectionStatusChanged>(s => s.Status == ConnectionStatus.Live);
        await venue.Push.Writer.WriteAsync("garbage 1");
        await venue.Push.Writer.WriteAsync("garbage 2");
        await venue.Push.Writer.WriteAsync("event:still flowing");
        Assert.Equal(["still flowing"], ExpectMsg<VenueEventsReceived>().Events);
        await EventFilter.Exception<CorruptStreamException>().ExpectOneAsync(() => venue.Push.Writer.WriteAsync("garbage 3").AsTask());
    }

    [Fact]
    public void An_unreachable_venue_fails_with_ConnectionLostException()
    {
        EventFilter.Exception<ConnectionLostException>(contains: "Could not connect").ExpectOne(() =>
            ChildOf(ConnectionActor.Props(new ScriptedProtocol(new Uri("ws://127.0.0.1:1/ws")), Settings, TestActor)));
    }
}
