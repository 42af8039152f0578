namespace Supervisor.Kernel.Actor;

/// <summary>An actor's view of itself and its surroundings. Use it only from the actor's own message handling.</summary>
public interface IActorContext : IActorRefFactory
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message, or the dead-letter reference when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent.</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor runs in.</summary>
    ActorSystem System { get; }

    /// <summary>The props the actor was created from.</summary>
    Props Props { get; }

    /// <summary>The current receive timeout, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>A live child by name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>The live children.</summary>
    IEnumerable<IActorRef> GetChildren();

    /// <summary>Delivers <see cref="Terminated"/> when <paramref name="subject"/> stops (also if already dead).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Delivers <paramref name="message"/> instead of <see cref="Terminated"/> when <paramref name="subject"/> stops.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a <see cref="Terminated"/> already queued for it is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Stops a child or this actor, asynchronously: children first, then <c>PostStop</c>.</summary>
    void Stop(IActorRef child);

    /// <summary>Sends <see cref="Actor.ReceiveTimeout"/> after each idle period; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> pops it.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Returns to the previous behaviour.</summary>
    void UnbecomeStacked();
}
