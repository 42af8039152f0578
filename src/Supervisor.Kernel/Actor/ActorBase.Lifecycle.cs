namespace Supervisor.Kernel.Actor;

public abstract partial class ActorBase
{
    /// <summary>Runs before the first message of the first incarnation (and after a restart, through <see cref="PostRestart"/>).</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs once the actor and its children have stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Runs on the failed instance before it is replaced. By default it unwatches and stops every child and
    /// then calls <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed, or null.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }
        PostStop();
    }

    /// <summary>Runs on the new instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    internal virtual void AroundPreStart() => PreStart();

    internal virtual void AroundPostStop()
    {
        // Timers never outlive an incarnation.
        (this as IWithTimers)?.Timers?.CancelAll();
        PostStop();
    }

    internal virtual void AroundPreRestart(Exception reason, object? message)
    {
        (this as IWithTimers)?.Timers?.CancelAll();
        PreRestart(reason, message);
    }

    internal virtual void AroundPostRestart(Exception reason) => PostRestart(reason);
}
