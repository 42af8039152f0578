namespace Supervisor.Kernel.Actor;

/// <summary>Something a message can be sent to.</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> without waiting; never throws for a stopped recipient.</summary>
    /// <param name="message">The message; must not be null.</param>
    /// <param name="sender">Who the recipient sees as <c>Sender</c>, or null for none.</param>
    void Tell(object message, IActorRef? sender);
}
