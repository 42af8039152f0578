namespace Supervisor.Simulator.Faults;

/// <summary>Standing faults of one account; one-shot faults (drop, close, malformed …) go through <see cref="FaultKind"/>.</summary>
public sealed class SimFaults
{
    /// <summary>Stop answering pings (the socket looks alive but stalls).</summary>
    public bool Stall { get; set; }

    /// <summary>Reject every login / subscribe credential.</summary>
    public bool RejectAuth { get; set; }

    /// <summary>Answer subscriptions with the venue's rate-limit error.</summary>
    public bool RejectSubscriptions { get; set; }

    /// <summary>Delay added before every outgoing frame.</summary>
    public TimeSpan FrameDelay { get; set; }

    /// <summary>Removes every standing fault.</summary>
    public void Clear() { Stall = false; RejectAuth = false; RejectSubscriptions = false; FrameDelay = TimeSpan.Zero; }
}
