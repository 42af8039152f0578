using Microsoft.Extensions.Logging;
using Supervisor.Configuration;

namespace Supervisor.Kernel.Actor;

/// <summary>Settings of an actor system, fixed at creation and validated there.</summary>
public sealed record ActorSystemSetup
{
    /// <summary>The defaults: throughput 30, asks without a timeout wait 5 s, 10 dead letters logged.</summary>
    public static ActorSystemSetup Default { get; } = new();

    /// <summary>User messages an actor processes per turn before yielding its thread (kernel.actor.throughput).</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>
    /// The timeout of an ask that gives none (kernel.actor.ask-timeout). Akka's default is infinite; ours is 5 s
    /// so a lost reply surfaces as an error instead of a task that never ends. Null means infinite.
    /// </summary>
    public TimeSpan? AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many dead letters are logged before logging them is muted (kernel.log-dead-letters); 0 logs none.</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>The configuration the system was created from (Akka's <c>Settings.Config</c>): the reference defaults unless given.</summary>
    public HoconConfig Config { get; init; } = HoconLoader.Default();

    /// <summary>
    /// Settings read from <paramref name="config"/> (the <c>kernel</c> section), with the embedded reference.conf below
    /// it for whatever it leaves out.
    /// </summary>
    public static ActorSystemSetup FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = HoconLoader.Load(config);
        var askTimeout = merged.GetTimeSpan("kernel.actor.ask-timeout");
        return new ActorSystemSetup
        {
            HoconConfig = merged,
            Throughput = merged.GetInt("kernel.actor.throughput"),
            AskTimeout = askTimeout == Timeout.InfiniteTimeSpan ? null : askTimeout,
            LogDeadLetters = merged.GetInt("kernel.log-dead-letters"),
        };
    }

    /// <summary>The scheduler; null for the system clock. The TestKit passes a virtual one.</summary>
    public IScheduler? Scheduler { get; init; }

    /// <summary>Where logs go; null for none.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The strategy of the <c>/user</c> guardian for top-level actors; null for the default.</summary>
    public SupervisorStrategy? GuardianSupervisorStrategy { get; init; }

    /// <summary>These settings with another scheduler.</summary>
    public ActorSystemSetup WithScheduler(IScheduler scheduler) => this with { Scheduler = scheduler };

    /// <summary>These settings with another logger factory.</summary>
    public ActorSystemSetup WithLoggerFactory(ILoggerFactory loggerFactory) => this with { LoggerFactory = loggerFactory };

    internal void Validate()
    {
        if (Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput, "kernel.actor.throughput must be at least 1.");
        }
        if (AskTimeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(AskTimeout), timeout, "kernel.actor.ask-timeout must be positive or infinite.");
        }
        if (LogDeadLetters < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LogDeadLetters), LogDeadLetters, "kernel.log-dead-letters must not be negative.");
        }
    }
}
