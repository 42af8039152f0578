using Supervisor.Configuration;

namespace Supervisor.Kernel.Persistence;

/// <summary>Settings of persistent actors (Akka's names and defaults).</summary>
public sealed record PersistenceSettings
{
    /// <summary>The defaults.</summary>
    public static PersistenceSettings Default { get; } = new();

    /// <summary>Recoveries running at once across the system; others wait (kernel.persistence.max-concurrent-recoveries).</summary>
    public int MaxConcurrentRecoveries { get; init; } = 50;

    /// <summary>A recovery that receives no snapshot or event for this long fails (kernel.persistence.recovery-event-timeout).</summary>
    public TimeSpan RecoveryEventTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Atomic writes one actor sends to the journal in one call (kernel.persistence.max-message-batch-size).</summary>
    public int MaxMessageBatchSize { get; init; } = 200;

    /// <summary>The <c>kernel.persistence</c> section of <paramref name="config"/>, reference defaults below it.</summary>
    public static PersistenceSettings FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = HoconLoader.Load(config);
        return new PersistenceSettings
        {
            MaxConcurrentRecoveries = merged.GetInt("kernel.persistence.max-concurrent-recoveries"),
            RecoveryEventTimeout = merged.GetTimeSpan("kernel.persistence.recovery-event-timeout"),
            MaxMessageBatchSize = merged.GetInt("kernel.persistence.max-message-batch-size"),
        };
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRecoveries, 1, "kernel.persistence.max-concurrent-recoveries");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RecoveryEventTimeout, TimeSpan.Zero, "kernel.persistence.recovery-event-timeout");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBatchSize, 1, "kernel.persistence.max-message-batch-size");
    }
}
