namespace Supervisor.Kernel.Actor;

/// <summary>Sending with the implicit sender, and forwarding.</summary>
public static class ActorRefExtensions
{
    /// <summary>Sends with the current actor as sender (none outside an actor).</summary>
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.SelfRef ?? ImplicitSender.Current);
    }

    /// <summary>Sends keeping the current message's sender, so the receiver replies to the original asker.</summary>
    public static void Forward(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.CurrentEnvelope.Sender);
    }

    /// <summary>Whether the reference is <see cref="ActorRefs.Nobody"/> or null.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null or NobodyActorRef;
}
