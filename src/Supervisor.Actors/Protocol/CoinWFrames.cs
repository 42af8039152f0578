using Supervisor.Venues.Decoding;

namespace Supervisor.Actors.Protocol;

/// <summary>
/// What a decoded CoinW frame means to a connection, for the private and the public side of <c>/perpum</c> alike; they
/// differ only in how a subscribe ack names its subscription (<paramref name="keyOf"/>). A bare error (no channel
/// named) is taken as the answer to the oldest pending subscription, as coinw.md advises.
/// </summary>
internal static class CoinWFrames
{
    public static ProtocolFrame Classify(DecodeResult result, Func<ControlFrame.SubscriptionReply, string?> keyOf)
    {
        if (result.Error is { } error)
        {
            return new ProtocolFrame.Malformed($"{error.Kind}: {error.Message}", error.Kind);
        }
        if (result.Events.Count > 0)
        {
            return new ProtocolFrame.Events([.. result.Events]);
        }
        return result.Control.Count == 0 ? new ProtocolFrame.Ignored() : result.Control[0] switch
        {
            ControlFrame.LoginReply { Accepted: true } => new ProtocolFrame.LoginAccepted(),
            ControlFrame.LoginReply login => new ProtocolFrame.LoginRejected($"{login.ErrorCode} {login.ErrorMessage}".Trim()),
            ControlFrame.SubscriptionReply { Subscribe: true, Accepted: true } acked when keyOf(acked) is { } key => new ProtocolFrame.SubscribeAcked(key),
            ControlFrame.SubscriptionReply { Subscribe: true, Accepted: false } rejected =>
                new ProtocolFrame.SubscribeRejected(keyOf(rejected), $"{rejected.ErrorCode} {rejected.ErrorMessage}".Trim()),
            ControlFrame.Pong => new ProtocolFrame.Pong(),
            ControlFrame.Error bare => new ProtocolFrame.SubscribeRejected(null, $"{bare.ErrorCode} {bare.ErrorMessage}"),
            _ => new ProtocolFrame.Ignored(),
        };
    }
}
