using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Hosting;

/// <summary>Injectable access to the actor registered under <typeparamref name="TKey"/>.</summary>
public interface IRequiredActor<TKey>
{
    /// <summary>The actor; throws if it is not registered yet.</summary>
    IActorRef ActorRef { get; }

    /// <summary>Waits until the actor is registered.</summary>
    Task<IActorRef> GetAsync(CancellationToken cancellationToken = default);
}
