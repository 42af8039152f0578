namespace Supervisor.Simulator.Faults;

/// <summary>Faults the control API can inject.</summary>
public enum FaultKind
{
    /// <summary>Abort every open socket of the account without a close frame.</summary>
    Drop,
    /// <summary>Stop answering pings.</summary>
    Stall,
    /// <summary>Send the venue close (ChainUP SYSTEM close; CoinW a 1001 close frame) and close.</summary>
    VenueClose,
    /// <summary>Send one frame that is not valid JSON.</summary>
    Malformed,
    /// <summary>Send one frame of 4 MiB.</summary>
    Oversized,
    /// <summary>Send a small gzip frame inflating to 64 MiB (ChainUP; CoinW gets it as a binary frame).</summary>
    GzipBomb,
    /// <summary>Reject auth on later logins/subs.</summary>
    RejectAuth,
    /// <summary>Reject subscriptions with the rate-limit error.</summary>
    RejectSubscriptions,
    /// <summary>Delay every outgoing frame by <c>DelayMs</c>.</summary>
    Delay,
    /// <summary>Pause the activity generator.</summary>
    PauseActivity,
    /// <summary>Clear all standing faults and resume activity.</summary>
    Clear,
}
