using System.Collections.Concurrent;

namespace Supervisor.Simulator.Model;

/// <summary>Fault switches of one account and the sessions they act on; set through <see cref="SimulatorHost"/>.</summary>
public sealed class AccountFaults
{
    internal ConcurrentDictionary<Session, byte> Sessions { get; } = new();

    private volatile bool _rejectAuth;
    private volatile bool _stallPings;
    private volatile bool _rejectSubscriptions;
    private volatile bool _rateLimitRest;
    private long _frameDelayTicks;

    /// <summary>Reject the credentials (CoinW: login fails; ChainUP: no <c>sub success</c>).</summary>
    public bool RejectAuth
    {
        get => _rejectAuth;
        set => _rejectAuth = value;
    }

    /// <summary>Answer subscribes with CoinW's rate-limit error (1001) instead of an ack.</summary>
    public bool RejectSubscriptions
    {
        get => _rejectSubscriptions;
        set => _rejectSubscriptions = value;
    }

    /// <summary>Answer every REST snapshot call with the venue's rate-limit error (CoinW 29001, ChainUP HTTP 429).</summary>
    public bool RateLimitRest
    {
        get => _rateLimitRest;
        set => _rateLimitRest = value;
    }

    /// <summary>Hold every outgoing frame of the account's sockets this long before sending it (order kept); zero for none.</summary>
    public TimeSpan FrameDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _frameDelayTicks));
        set => Interlocked.Exchange(ref _frameDelayTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>Stop answering pings (the client's pong deadline must fire).</summary>
    public bool StallPings
    {
        get => _stallPings;
        set => _stallPings = value;
    }
}
