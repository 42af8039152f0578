using Supervisor.Actors.Metrics;
using Supervisor.Actors.Protocol;
using Akka.Actor;
using Akka.Event;

namespace Supervisor.Actors.Connection;

/// <summary>
/// Owns one account's socket: connects, authenticates, starts the heartbeat and subscription children, decodes
/// every frame with the venue protocol, routes control frames to the children and account events to the state
/// actor. Every failure (socket lost, late pong, repeated rejection, corrupt stream, venue closing) is an
/// exception here or escalated from a child, so the backoff supervisor above reconnects. One instance per
/// connection attempt: a restart starts from scratch, which resubscribes everything.
/// </summary>
public sealed partial class ConnectionActor : ReceiveActor, IWithTimers
{
    private const string HandshakeKey = "handshake";
    private static long s_generations;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    private readonly IVenueProtocol _protocol;
    private readonly ConnectionSettings _settings;
    private readonly IActorRef _state;
    private readonly Queue<TimeSpan> _badFrames = new();
    private readonly VenueInstruments _metrics;
    private WebSocketPipe? _pipe;
    private IActorRef? _heartbeat;
    private IActorRef? _subscriptions;
    private long _frames;
    private long _events;
    private long _malformed;
    private long _oversized;
    // When the frame being handled was read off the socket (Stopwatch ticks), handed on with its events.
    private long _frameReceivedAt;
    private bool _authFailed;

    /// <summary>Creates the connection; it connects in <c>PreStart</c>.</summary>
    public ConnectionActor(IVenueProtocol protocol, ConnectionSettings settings, IActorRef state)
    {
        _protocol = protocol;
        _settings = settings;
        _state = state;
        _metrics = SupervisorMetrics.For(Context.System).ForVenue(protocol.Venue);
        Connecting();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a connection.</summary>
    public static Props Props(IVenueProtocol protocol, ConnectionSettings settings, IActorRef state) =>
        Akka.Actor.Props.Create(() => new ConnectionActor(protocol, settings, state));

    /// <inheritdoc />
    protected override void PreStart()
    {
        _state.Tell(new ConnectionStatusChanged(ConnectionStatus.Connecting), Self);
        var generation = Interlocked.Increment(ref s_generations);
        WebSocketPipe.ConnectAsync(_protocol.Endpoint, _protocol.UpgradeHeaders, generation, _settings.ConnectTimeout, CancellationToken.None)
            .PipeTo(Self, Self, pipe => new SocketOpened(pipe), cause => new SocketOpenFailed(cause));
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        if (!_authFailed)
        {
            _state.Tell(new ConnectionStatusChanged(ConnectionStatus.Reconnecting), Self);
        }
        var pipe = _pipe;
        _pipe = null;
        if (pipe is not null)
        {
            // Disposal waits for the read loop; it must not block this actor's thread.
            _ = pipe.DisposeAsync().AsTask();
        }
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() =>
        // A late pong or a rejected subscription is this connection's failure: the backoff supervisor above decides.
        new OneForOneStrategy(static _ => Directive.Escalate);

    private void Connecting()
    {
        Receive<SocketOpened>(opened =>
        {
            _pipe = opened.Pipe;
            _pipe.StartReading(Self, _settings.MaxFrameBytes);
            _state.Tell(new ConnectionStatusChanged(ConnectionStatus.Authenticating), Self);
            if (_protocol.LoginFrame is { } login)
            {
                Send(login);
                Timers.StartSingleTimer(HandshakeKey, new HandshakeOverdue("login reply"), _settings.HandshakeTimeout);
            }
            else if (_protocol.WaitsForGreeting)
            {
                Timers.StartSingleTimer(HandshakeKey, new HandshakeOverdue("greeting"), _settings.HandshakeTimeout);
            }
            else
            {
                Authenticated();
                return;
            }
            Become(Authenticating);
        });
        Receive<SocketOpenFailed>(failed => throw new ConnectionLostException($"Could not connect to {_protocol.Venue} at {_protocol.Endpoint}: {failed.Cause.Message}", failed.Cause, ConnectionLoss.ConnectFailed));
        CommonHandlers();
    }

    private void Authenticating()
    {
        FrameHandlers(frame =>
        {
            switch (frame)
            {
                case ProtocolFrame.Greeting when _protocol.WaitsForGreeting:
                case ProtocolFrame.LoginAccepted when _protocol.LoginFrame is not null:
                    Authenticated();
                    break;
                default:
                    HandleAnyTime(frame);
                    break;
            }
        });
        Receive<HandshakeOverdue>(overdue => throw new HandshakeTimeoutException($"No {overdue.Step} from {_protocol.Venue} within {_settings.HandshakeTimeout}."));
        CommonHandlers();
    }

    private void Authenticated()
    {
        Timers.Cancel(HandshakeKey);
        _heartbeat = Context.ActorOf(HeartbeatActor.Props(_protocol.Heartbeat), "heartbeat");
        _subscriptions = Context.ActorOf(SubscriptionActor.Props(_protocol.Subscriptions, _protocol.SubscriptionSettings), "subscriptions");
        _state.Tell(new ConnectionStatusChanged(ConnectionStatus.Subscribing), Self);
        Become(Streaming);
    }

    private void Streaming()
    {
        FrameHandlers(frame =>
        {
            switch (frame)
            {
                case ProtocolFrame.SubscribeAcked acked:
                    _subscriptions!.Tell(new SubscriptionAcked(acked.Key), Self);
                    break;
                case ProtocolFrame.SubscribeRejected rejected:
                    _subscriptions!.Tell(new SubscriptionRejected(rejected.Key, rejected.Reason), Self);
                    break;
                case ProtocolFrame.Pong:
                    _heartbeat!.Tell(new PongReceived(), Self);
                    break;
                default:
                    HandleAnyTime(frame);
                    break;
            }
        });
        Receive<SubscriptionsComplete>(_ => _state.Tell(new ConnectionStatusChanged(ConnectionStatus.Live), Self));
        Receive<SendPing>(_ => Send(_protocol.PingFrame(Context.System.Scheduler.Now)));
        Receive<SendFrame>(send => Send(send.Frame));
        Receive<AddSubscriptions>(add => _subscriptions!.Tell(add, Self));
        CommonHandlers();
    }

    /// <summary>Reports AuthFailed before failing, so the account knows why its connection stopped (the reason never holds the secret).</summary>
    private void RejectCredentials(string reason)
    {
        _authFailed = true;
        _state.Tell(new ConnectionStatusChanged(ConnectionStatus.AuthFailed, reason), Self);
        throw new AuthenticationRejectedException($"{_protocol.Venue} rejected the credentials: {reason}");
    }

    private void Send(byte[] frame)
    {
        var pipe = _pipe ?? throw new ConnectionLostException("Cannot send: the socket is not open.", loss: ConnectionLoss.SendFailed);
        pipe.SendAsync(frame, binary: false, CancellationToken.None).PipeTo(Self, Self, success: static () => SendCompleted.Instance, failure: cause => new SendFailed(cause));
    }

    private void LogBadFrame(string what) =>
        _log.Warning("{Venue} sent a bad frame ({What}); dropped ({Malformed} malformed, {Oversized} oversized so far)", _protocol.Venue, what, _malformed, _oversized);
}
