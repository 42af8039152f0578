namespace Supervisor.Actors.Connection;

/// <summary>How subscriptions are sent and checked (the venues document per-channel request limits, e.g. CoinW `order` 30 per 2 s).</summary>
public sealed record SubscriptionSettings
{
    /// <summary>Subscribe requests sent per window (supervisor.venues.*.subscriptions.max-requests-per-window).</summary>
    public int MaxRequestsPerWindow { get; init; } = 3;

    /// <summary>The rate-limit window (supervisor.venues.*.subscriptions.window).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a request may wait for its ack before it counts as rejected (supervisor.venues.*.subscriptions.ack-timeout).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Rejections (or missing acks) of one channel tolerated before the connection is failed (supervisor.venues.*.subscriptions.max-rejections).</summary>
    public int MaxRejections { get; init; } = 3;

    /// <summary>Checks the ranges; the message names the setting.</summary>
    public SubscriptionSettings Validate(string path)
    {
        if (MaxRequestsPerWindow is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestsPerWindow), MaxRequestsPerWindow, $"{path}.max-requests-per-window must be between 1 and 1000, was {MaxRequestsPerWindow}.");
        }
        if (Window <= TimeSpan.Zero || AckTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), $"{path}.window and {path}.ack-timeout must be positive.");
        }
        if (MaxRejections < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRejections), MaxRejections, $"{path}.max-rejections must be at least 1, was {MaxRejections}.");
        }
        return this;
    }
}
