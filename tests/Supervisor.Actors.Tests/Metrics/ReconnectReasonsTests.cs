using Supervisor.Actors.Connection;
using Supervisor.Actors.Metrics;

namespace Supervisor.Actors.Tests.Metrics;

public sealed class ReconnectReasonsTests
{
    public static TheoryData<Exception, string> Failures => new()
    {
        { new ConnectionLostException("socket ended"), "socket_closed" },
        { new ConnectionLostException("could not connect", loss: ConnectionLoss.ConnectFailed), "connect_failed" },
        { new ConnectionLostException("send failed", loss: ConnectionLoss.SendFailed), "send_failed" },
        { new ConnectionLostException("SYSTEM close", loss: ConnectionLoss.VenueClosed), "venue_closed" },
        { new HeartbeatTimeoutException("no pong"), "heartbeat_timeout" },
        { new HandshakeTimeoutException("no login reply"), "handshake_timeout" },
        { new AuthenticationRejectedException("bad key"), "auth_rejected" },
        { new SubscriptionRejectedException("rate limit"), "subscription_rejected" },
        { new CorruptStreamException("11 bad frames"), "decode_burst" },
        { new InvalidOperationException("a bug"), "unexpected" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Every_failure_of_a_connection_has_one_low_cardinality_reason(Exception failure, string tag) =>
        Assert.Equal(tag, ReconnectReasons.Tag(ReconnectReasons.Of(failure)));

    [Fact]
    public void Every_reason_has_a_tag() =>
        Assert.Equal(Enum.GetValues<ReconnectReason>().Length, Enum.GetValues<ReconnectReason>().Select(ReconnectReasons.Tag).Distinct().Count());
}
