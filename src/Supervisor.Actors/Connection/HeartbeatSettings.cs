namespace Supervisor.Actors.Connection;

/// <summary>
/// How a connection proves it is alive. CoinW: ping every 10 s, pong within 5 s (JK); ChainUP: ping every 20 s
/// (the server drops sockets without a ping for 40 s), nothing at all for 45 s means dead.
/// </summary>
public sealed record HeartbeatSettings
{
    /// <summary>Time between pings (supervisor.venues.*.heartbeat.interval).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a ping may wait for its pong (supervisor.venues.*.heartbeat.pong-timeout).</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the stream may be completely silent, pongs included (supervisor.venues.*.heartbeat.silence-timeout).</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Checks the ranges; the message names the setting.</summary>
    public HeartbeatSettings Validate(string path)
    {
        if (Interval < TimeSpan.FromMilliseconds(100) || Interval > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, $"{path}.interval must be between 100ms and 5m, was {Interval}.");
        }
        if (PongTimeout <= TimeSpan.Zero || PongTimeout > Interval * 10)
        {
            throw new ArgumentOutOfRangeException(nameof(PongTimeout), PongTimeout, $"{path}.pong-timeout must be positive and at most 10 intervals, was {PongTimeout}.");
        }
        if (SilenceTimeout <= Interval)
        {
            throw new ArgumentOutOfRangeException(nameof(SilenceTimeout), SilenceTimeout, $"{path}.silence-timeout must be longer than the interval ({Interval}), was {SilenceTimeout}.");
        }
        return this;
    }
}
