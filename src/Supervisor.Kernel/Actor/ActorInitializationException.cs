namespace Supervisor.Kernel.Actor;

/// <summary>
/// The actor's constructor, <c>PreStart</c> or <c>PostRestart</c> threw. The default decider stops the
/// actor rather than restarting it, since a restart would most likely fail the same way.
/// </summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(IActorRef? actor, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Actor = actor;
    }

    /// <summary>The actor that failed to start, if known.</summary>
    public IActorRef? Actor { get; }
}
