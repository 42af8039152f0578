using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

/// <summary>The kernel's side of a reference: system messages and liveness.</summary>
internal abstract class InternalActorRef : IActorRef
{
    public abstract ActorPath Path { get; }

    /// <summary>True once the actor has stopped for good.</summary>
    public abstract bool IsTerminated { get; }

    /// <summary>The system the reference belongs to, or null for <see cref="ActorRefs.Nobody"/>.</summary>
    internal abstract ActorSystem? System { get; }

    public abstract void Tell(object message, IActorRef? sender);

    internal abstract void SendSystemMessage(SystemMessage message);

    internal void Stop() => SendSystemMessage(Terminate.Instance);

    public override string ToString() => $"[{Path}]";
}
