namespace Supervisor.Actors.Connection;

/// <summary>One channel to hold: <paramref name="Key"/> matches its ack, <paramref name="Frame"/> is the venue's subscribe frame.</summary>
public sealed record SubscriptionRequest(string Key, byte[] Frame);

/// <summary>From the subscriptions to the connection: send this frame.</summary>
public sealed record SendFrame(byte[] Frame);

/// <summary>From the connection to the subscriptions: the venue acknowledged <paramref name="Key"/>.</summary>
public sealed record SubscriptionAcked(string Key);

/// <summary>From the connection to the subscriptions: the venue rejected <paramref name="Key"/> (null when the error names no channel: the oldest pending one is meant).</summary>
public sealed record SubscriptionRejected(string? Key, string Reason);

/// <summary>From the subscriptions to the connection: every channel is acknowledged.</summary>
public sealed record SubscriptionsComplete(int Channels);
