namespace Supervisor.Kernel.Actor;

/// <summary>
/// A handle to an actor. It stays the same across restarts; a new actor created under the same name
/// after the old one stopped gets a new handle (equality is by handle, as Akka's path + uid).
/// </summary>
public interface IActorRef : ICanTell
{
    /// <summary>Where the actor lives in the tree.</summary>
    ActorPath Path { get; }
}
