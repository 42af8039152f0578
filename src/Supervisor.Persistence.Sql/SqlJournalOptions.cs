using Supervisor.Configuration;
using Supervisor.Kernel.Persistence.Serialization;

namespace Supervisor.Persistence.Sql;

/// <summary>Settings of the SQL journal and snapshot store (supervisor.persistence.*).</summary>
public sealed record SqlJournalOptions
{
    /// <summary>Which database.</summary>
    public required SqlEngine Engine { get; init; }

    /// <summary>The ADO.NET connection string (supervisor.persistence.connection-string); never logged.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Turns events and snapshots into bytes.</summary>
    public required IEventSerializer Serializer { get; init; }

    /// <summary>Create the tables if missing (supervisor.persistence.auto-initialize).</summary>
    public bool AutoInitialize { get; init; } = true;

    /// <summary>Rows written in one transaction at most (supervisor.persistence.batch-size).</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>How long a writer waits for more rows before committing a part-full batch (supervisor.persistence.max-batch-delay); zero commits what is queued at once.</summary>
    public TimeSpan MaxBatchDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Concurrent writer transactions (supervisor.persistence.parallelism); always 1 on SQLite, which has one writer.</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>Rows read per replay query (supervisor.persistence.replay-page-size).</summary>
    public int ReplayPageSize { get; init; } = 1000;

    /// <summary>SQLite only: <c>FULL</c> survives power loss, <c>NORMAL</c> only process crashes (supervisor.persistence.sqlite-synchronous).</summary>
    public string SqliteSynchronous { get; init; } = "FULL";

    /// <summary>The <c>supervisor.persistence</c> section of <paramref name="config"/> (reference defaults below it), validated.</summary>
    /// <exception cref="HoconException">A setting is missing or of the wrong type.</exception>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public static SqlJournalOptions FromConfig(HoconConfig config, IEventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = HoconLoader.Load(config);
        const string Path = "supervisor.persistence.";
        var engine = c.GetString(Path + "engine") switch
        {
            "sqlite" => SqlEngine.Sqlite,
            "postgresql" => SqlEngine.PostgreSql,
            var other => throw new HoconException($"'{Path}engine' must be sqlite or postgresql, was \"{other}\"", c.GetValue(Path + "engine")!.Origin),
        };
        return new SqlJournalOptions
        {
            Engine = engine,
            ConnectionString = c.GetString(Path + "connection-string"),
            Serializer = serializer,
            AutoInitialize = c.GetBoolean(Path + "auto-initialize"),
            BatchSize = c.GetInt(Path + "batch-size"),
            MaxBatchDelay = c.GetTimeSpan(Path + "max-batch-delay"),
            Parallelism = c.GetInt(Path + "parallelism"),
            ReplayPageSize = c.GetInt(Path + "replay-page-size"),
            SqliteSynchronous = c.GetString(Path + "sqlite-synchronous"),
        }.Validate();
    }

    internal int EffectiveParallelism => Engine == SqlEngine.Sqlite ? 1 : Parallelism;

    /// <summary>Checks the ranges; messages name the setting.</summary>
    public SqlJournalOptions Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString, "supervisor.persistence.connection-string");
        ArgumentNullException.ThrowIfNull(Serializer);
        if (BatchSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"supervisor.persistence.batch-size must be between 1 and 10000, was {BatchSize}.");
        }
        if (Parallelism is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, $"supervisor.persistence.parallelism must be between 1 and 64, was {Parallelism}.");
        }
        if (ReplayPageSize is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(ReplayPageSize), ReplayPageSize, $"supervisor.persistence.replay-page-size must be between 1 and 100000, was {ReplayPageSize}.");
        }
        if (MaxBatchDelay < TimeSpan.Zero || MaxBatchDelay > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchDelay), MaxBatchDelay, $"supervisor.persistence.max-batch-delay must be between 0 and 1s, was {MaxBatchDelay}.");
        }
        if (SqliteSynchronous is not ("FULL" or "NORMAL" or "EXTRA"))
        {
            throw new ArgumentOutOfRangeException(nameof(SqliteSynchronous), SqliteSynchronous, "supervisor.persistence.sqlite-synchronous must be FULL, NORMAL or EXTRA.");
        }
        return this;
    }
}
