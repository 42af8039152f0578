using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Event;

namespace Supervisor.Kernel.Actor;

/// <summary>
/// The base of every actor. Instances are built by the kernel from <see cref="Props"/>, one per incarnation;
/// a restart builds a new one behind the same <see cref="IActorRef"/>.
/// </summary>
public abstract partial class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    /// <exception cref="ActorInitializationException">The actor was constructed with <c>new</c> instead of through <see cref="Props"/>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Creating
            ?? throw new ActorInitializationException(null, $"{GetType().Name} must be created through Props and ActorOf, not with 'new'.");
        // Injected here, before the derived constructor runs, so constructors may start timers and stash.
        if (this is IWithTimers withTimers)
        {
            withTimers.Timers = new TimerScheduler(_cell);
        }
        if (this is IWithUnboundedStash withStash)
        {
            withStash.Stash = new UnboundedStash(_cell);
        }
    }

    /// <summary>This actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the current message (dead letters when there is none).</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The behaviour the actor starts with.</summary>
    protected abstract bool Receive(object message);

    internal Receive ReceiveEntry => Receive;

    /// <summary>Runs the current behaviour on a message; persistent actors route it through their recovery and persist states.</summary>
    internal virtual bool AroundReceive(Receive receive, object message) => receive(message);

    internal ActorCell Cell => _cell;

    /// <summary>
    /// Called for a message no behaviour handled. An unhandled <see cref="Terminated"/> throws
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }
        _cell.System.EventStream.Publish(new UnhandledMessage(message, Sender, Self));
    }

    internal void InvokeUnhandled(object message) => Unhandled(message);

    /// <summary>The strategy for this actor's children; the default is <see cref="SupervisorStrategy.DefaultStrategy"/>.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => global::Supervisor.Kernel.Actor.SupervisorStrategy.DefaultStrategy;

    internal SupervisorStrategy SupervisorStrategyInternal() => SupervisorStrategy();

    /// <summary>Replaces the current behaviour.</summary>
    protected void Become(Receive receive) => _cell.Become(receive);

    /// <summary>Pushes a behaviour.</summary>
    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    /// <summary>Pops the behaviour pushed last.</summary>
    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    /// <summary>Sets the receive timeout; null turns it off.</summary>
    protected void SetReceiveTimeout(TimeSpan? timeout) => _cell.SetReceiveTimeout(timeout);

    /// <summary>A logger for this actor: to Microsoft.Extensions.Logging and to the event stream as <see cref="LogEvent"/>.</summary>
    protected ILogger Log => _log ??= _cell.CreateLogger();

    private ILogger? _log;
}
