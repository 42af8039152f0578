namespace Supervisor.Kernel.Actor;

/// <summary>
/// How a parent treats a failed child: the decider picks a <see cref="Directive"/>, the strategy applies it
/// to the child (<see cref="OneForOneStrategy"/>) or to all children (<see cref="AllForOneStrategy"/>), within
/// a restart budget. A refused restart stops the child; it does not escalate.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed (within the window if one is set); null or negative for unlimited.</param>
    /// <param name="withinTimeRange">The window; null or infinite for none.</param>
    /// <param name="decider">Maps the exception to a directive.</param>
    /// <param name="loggingEnabled">Log Resume as a warning and Restart / Stop as an error.</param>
    protected SupervisorStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (withinTimeRange is { } window && window < TimeSpan.Zero && window != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), window, "The restart window must not be negative.");
        }
        MaxNumberOfRetries = maxNrOfRetries is null or < 0 ? -1 : maxNrOfRetries.Value;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>
    /// Akka's default decider: <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/> stop the child; any other exception restarts it.
    /// </summary>
    public static IDecider DefaultDecider { get; } = new LocalOnlyDecider(static cause => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    });

    /// <summary>One-for-one, unlimited restarts, <see cref="DefaultDecider"/>.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one that stops on every exception.</summary>
    public static OneForOneStrategy StoppingStrategy { get; } = new(static _ => Directive.Stop);

    /// <summary>Maps the exception to a directive.</summary>
    public IDecider Decider { get; }

    /// <summary>Restarts allowed, -1 for unlimited.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The restart window, or null for none.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Whether failures are logged.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>Applies a Restart (<paramref name="restart"/> true) or Stop decision.</summary>
    internal abstract void ProcessFailure(
        ActorCell context,
        bool restart,
        ChildEntry failed,
        Exception cause,
        IReadOnlyList<ChildEntry> children);

    /// <summary>Asks for restart permission against this strategy's budget.</summary>
    internal bool RequestRestartPermission(ChildEntry child, TimeSpan now) =>
        child.Stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, now);
}
