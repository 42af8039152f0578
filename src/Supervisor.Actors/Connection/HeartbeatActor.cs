using Akka.Actor;
using Akka.Event;

namespace Supervisor.Actors.Connection;

/// <summary>
/// Asks its parent (the connection) to ping on a timer and fails when a pong is late or the stream is silent:
/// a stale stream is a failure, not a state, so supervision restarts the connection. All time is on the
/// kernel scheduler, so tests drive it with virtual time.
/// </summary>
public sealed class HeartbeatActor : ReceiveActor, IWithTimers
{
    private const string PingKey = "ping";
    private const string PongKey = "pong-deadline";
    private const string SilenceKey = "silence";

    /// <summary>Starts pinging at once, so a dead socket is found within one pong timeout.</summary>
    public HeartbeatActor(HeartbeatSettings settings)
    {
        Receive<PingTick>(_ =>
        {
            Context.Parent.Tell(new SendPing(), Self);
            if (!Timers.IsTimerActive(PongKey))
            {
                Timers.StartSingleTimer(PongKey, new PongOverdue(), settings.PongTimeout);
            }
        });
        Receive<PongReceived>(_ =>
        {
            Timers.Cancel(PongKey);
            Timers.StartSingleTimer(SilenceKey, new SilenceOverdue(), settings.SilenceTimeout);
        });
        Receive<StreamActivity>(_ => Timers.StartSingleTimer(SilenceKey, new SilenceOverdue(), settings.SilenceTimeout));
        Receive<PongOverdue>(_ => throw new HeartbeatTimeoutException($"No pong within {settings.PongTimeout}."));
        Receive<SilenceOverdue>(_ => throw new HeartbeatTimeoutException($"Nothing received for {settings.SilenceTimeout}."));
        Self.Tell(new PingTick(), Self);
        Timers.StartPeriodicTimer(PingKey, new PingTick(), settings.Interval);
        Timers.StartSingleTimer(SilenceKey, new SilenceOverdue(), settings.SilenceTimeout);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a heartbeat.</summary>
    public static Props Props(HeartbeatSettings settings) => Akka.Actor.Props.Create(() => new HeartbeatActor(settings));

    private sealed record PingTick;

    private sealed record PongOverdue;

    private sealed record SilenceOverdue;
}
