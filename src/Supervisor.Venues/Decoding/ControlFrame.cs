namespace Supervisor.Venues.Decoding;

/// <summary>Protocol traffic that is not account data.</summary>
public abstract record ControlFrame
{
    private protected ControlFrame()
    {
    }

    /// <summary>The venue's greeting (ChainUP <c>connect success</c>).</summary>
    public sealed record Greeting : ControlFrame;

    /// <summary>A login reply.</summary>
    public sealed record LoginReply(bool Accepted, string? ErrorCode, string? ErrorMessage) : ControlFrame;

    /// <summary>A subscribe or unsubscribe acknowledgement; <paramref name="Channel"/> is the channel type (null when the venue names none).</summary>
    public sealed record SubscriptionReply(bool Subscribe, string? Channel, bool Accepted, string? ErrorCode, string? ErrorMessage) : ControlFrame
    {
        /// <summary>The instrument a public channel's ack echoes (CoinW <c>pairCode</c>, as it was sent), or null.</summary>
        public string? PairCode { get; init; }
    }

    /// <summary>A pong.</summary>
    public sealed record Pong : ControlFrame;

    /// <summary>A bare error reply to a command the venue could not route.</summary>
    public sealed record Error(string ErrorCode, string ErrorMessage) : ControlFrame;

    /// <summary>The venue announced the stream is closing.</summary>
    public sealed record Shutdown(string Reason) : ControlFrame;
}
