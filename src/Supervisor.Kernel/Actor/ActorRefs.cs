namespace Supervisor.Kernel.Actor;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>The sender of a message sent from outside any actor.</summary>
    public static readonly IActorRef? NoSender;

    /// <summary>A reference that drops everything; returned where no actor exists.</summary>
    public static readonly IActorRef Nobody = new NobodyActorRef();
}
