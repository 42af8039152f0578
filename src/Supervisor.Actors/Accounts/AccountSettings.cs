using Supervisor.Actors.Connection;

namespace Supervisor.Actors.Accounts;

/// <summary>How an account's connection is kept alive (supervisor.accounts.*).</summary>
public sealed record AccountSettings
{
    /// <summary>First reconnect delay (supervisor.accounts.reconnect.min-backoff).</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay before jitter (supervisor.accounts.reconnect.max-backoff).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Jitter factor (supervisor.accounts.reconnect.random-factor).</summary>
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>A connection up this long resets the backoff (supervisor.accounts.reconnect.reset-after).</summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay before retrying an account whose credentials were rejected (supervisor.accounts.auth-retry).</summary>
    public TimeSpan AuthRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Socket limits.</summary>
    public ConnectionSettings Connection { get; init; } = new();
}
