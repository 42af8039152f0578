namespace Supervisor.Kernel.Actor;

/// <summary>Applies the decision to the failed child only. The default.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with a restart budget.</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> localOnlyDecider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, new LocalOnlyDecider(localOnlyDecider), loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with a restart budget.</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> localOnlyDecider)
        : this(null, null, localOnlyDecider)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public OneForOneStrategy(IDecider decider)
        : this(null, null, decider)
    {
    }

    internal override void ProcessFailure(ActorCell context, bool restart, ChildEntry failed, Exception cause, IReadOnlyList<ChildEntry> children)
    {
        if (restart && RequestRestartPermission(failed, context.System.Scheduler.MonotonicClock))
        {
            context.RestartChild(failed.Ref, cause, suspendFirst: false);
        }
        else
        {
            context.StopChild(failed);
        }
    }
}
