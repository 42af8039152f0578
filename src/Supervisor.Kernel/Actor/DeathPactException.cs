namespace Supervisor.Kernel.Actor;

/// <summary>Thrown when a watcher does not handle a <see cref="Terminated"/>; the default decider stops the watcher.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception for the actor whose death was not handled.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor {deadActor} terminated and its Terminated was not handled.")
    {
        DeadActor = deadActor;
    }

    /// <summary>The watched actor that stopped.</summary>
    public IActorRef DeadActor { get; }
}
