using System.Text;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Protocol;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.Tests.Connection;

/// <summary>A toy venue protocol of plain-text frames, so the connection actor can be tested without a real codec.</summary>
internal sealed class ScriptedProtocol(Uri endpoint, bool greeting = false, HeartbeatSettings? heartbeat = null) : IVenueProtocol
{
    public string Venue => "scripted";

    public Uri Endpoint => endpoint;

    public IReadOnlyDictionary<string, string> UpgradeHeaders { get; } = new Dictionary<string, string> { ["api-key"] = "k" };

    public bool WaitsForGreeting => greeting;

    public byte[]? LoginFrame => greeting ? null : "login"u8.ToArray();

    public IReadOnlyList<SubscriptionRequest> Subscriptions { get; } =
        [new("order", "sub:order"u8.ToArray()), new("position", "sub:position"u8.ToArray())];

    public HeartbeatSettings Heartbeat { get; } = heartbeat ?? new();

    public SubscriptionSettings SubscriptionSettings { get; } = new();

    public byte[] PingFrame(DateTimeOffset now) => "ping"u8.ToArray();

    private static AssetBalanceChanged Asset(string[] parts) =>
        new("scripted", parts[1], decimal.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), 0m, 0m);

    public ProtocolFrame Decode(byte[] frame, bool isBinary)
    {
        var text = Encoding.UTF8.GetString(frame);
        return text switch
        {
            "greet" => new ProtocolFrame.Greeting(),
            "login-ok" => new ProtocolFrame.LoginAccepted(),
            "login-bad" => new ProtocolFrame.LoginRejected("bad key"),
            "pong" => new ProtocolFrame.Pong(),
            "closing" => new ProtocolFrame.VenueClosing("maintenance"),
            _ when text.StartsWith("ack:", StringComparison.Ordinal) => new ProtocolFrame.SubscribeAcked(text[4..]),
            _ when text.StartsWith("rej:", StringComparison.Ordinal) => new ProtocolFrame.SubscribeRejected(text[4..], "rate limit"),
            _ when text.StartsWith("event:", StringComparison.Ordinal) => new ProtocolFrame.Events([text[6..]]),
            _ when text.StartsWith("asset:", StringComparison.Ordinal) => new ProtocolFrame.Events([Asset(text.Split(':'))]),
            _ => new ProtocolFrame.Malformed($"unknown frame '{text}'"),
        };
    }
}
