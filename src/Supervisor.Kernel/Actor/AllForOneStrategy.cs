namespace Supervisor.Kernel.Actor;

/// <summary>
/// Applies the decision to every child. A restart goes ahead only if every child is granted restart
/// permission; otherwise all are stopped. Restarts do not clear the siblings' mailboxes.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with a restart budget.</summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> localOnlyDecider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, new LocalOnlyDecider(localOnlyDecider), loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with a restart budget.</summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public AllForOneStrategy(Func<Exception, Directive> localOnlyDecider)
        : this(null, null, localOnlyDecider)
    {
    }

    internal override void ProcessFailure(ActorCell context, bool restart, ChildEntry failed, Exception cause, IReadOnlyList<ChildEntry> children)
    {
        if (children.Count == 0)
        {
            return;
        }
        var now = context.System.Scheduler.MonotonicClock;
        var allowed = restart;
        // Asked in order until the first refusal, as Akka's All(...) does.
        for (var i = 0; allowed && i < children.Count; i++)
        {
            allowed = RequestRestartPermission(children[i], now);
        }
        foreach (var child in children)
        {
            if (allowed)
            {
                context.RestartChild(child.Ref, cause, suspendFirst: !ReferenceEquals(child, failed));
            }
            else
            {
                context.StopChild(child);
            }
        }
    }
}
