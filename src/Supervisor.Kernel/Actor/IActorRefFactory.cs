namespace Supervisor.Kernel.Actor;

/// <summary>Creates actors: the system (top level) or an actor's context (children).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates an actor; <paramref name="name"/> must be unique among live siblings, or null for a generated one.</summary>
    /// <exception cref="InvalidActorNameException">The name is malformed or taken.</exception>
    IActorRef ActorOf(Props props, string? name = null);
}
