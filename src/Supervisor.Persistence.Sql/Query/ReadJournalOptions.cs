namespace Supervisor.Persistence.Sql.Query;

/// <summary>Settings of the queries (supervisor.persistence.query.*).</summary>
public sealed record ReadJournalOptions
{
    /// <summary>How often a live query looks for new events (supervisor.persistence.query.poll-interval).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a hole in the global ordering is waited for before it counts as a rolled-back write
    /// (supervisor.persistence.query.gap-timeout). Until then events after it are not returned, so a transaction
    /// that commits late is never skipped.
    /// </summary>
    public TimeSpan GapTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Rows per query.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>The clock for gap ages and polling; the system clock unless a test supplies one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
