namespace Supervisor.Simulator;

/// <summary>Why a receive gave no message.</summary>
internal enum ReceiveEnd
{
    /// <summary>A message arrived.</summary>
    None,

    /// <summary>The client closed or the connection broke.</summary>
    Closed,

    /// <summary>The deadline passed first (the venue's idle / ping timeout).</summary>
    TimedOut,

    /// <summary>The client's message was larger than the simulator accepts.</summary>
    TooLarge,
}
