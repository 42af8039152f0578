using Supervisor.Venues.Decoding;

namespace Supervisor.Actors.Protocol;

/// <summary>What one frame means to the connection: a control step, account events, or garbage.</summary>
public abstract record ProtocolFrame
{
    private protected ProtocolFrame()
    {
    }

    /// <summary>The venue's greeting (ChainUP <c>connect success</c>).</summary>
    public sealed record Greeting : ProtocolFrame;

    /// <summary>Login accepted (CoinW).</summary>
    public sealed record LoginAccepted : ProtocolFrame;

    /// <summary>Login or credentials rejected.</summary>
    public sealed record LoginRejected(string Reason) : ProtocolFrame;

    /// <summary>A subscription was acknowledged.</summary>
    public sealed record SubscribeAcked(string Key) : ProtocolFrame;

    /// <summary>A subscription (or an unroutable command) was rejected; <paramref name="Key"/> is null when the error names no channel.</summary>
    public sealed record SubscribeRejected(string? Key, string Reason) : ProtocolFrame;

    /// <summary>An answer to a ping.</summary>
    public sealed record Pong : ProtocolFrame;

    /// <summary>The venue announced it is closing the stream (ChainUP SYSTEM).</summary>
    public sealed record VenueClosing(string Reason) : ProtocolFrame;

    /// <summary>Normalized account or market events, in frame order.</summary>
    public sealed record Events(IReadOnlyList<object> Items) : ProtocolFrame;

    /// <summary>A frame the codec could not make sense of (malformed, too deep, a gzip bomb…); counted and dropped.</summary>
    /// <param name="Error">What was wrong, for the log.</param>
    /// <param name="Kind">The codec's classification (the decode-error metric's kind); null when the protocol has none.</param>
    public sealed record Malformed(string Error, DecodeErrorKind? Kind = null) : ProtocolFrame;

    /// <summary>A well-formed frame that needs no action.</summary>
    public sealed record Ignored : ProtocolFrame;
}
