using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Hosting;

/// <summary>Top-level actors by key type, so services can find them (Akka.Hosting's registry).</summary>
public interface IActorRegistry
{
    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="DuplicateActorRegistryException">A different actor is registered and <paramref name="overwrite"/> is false.</exception>
    void Register<TKey>(IActorRef actor, bool overwrite = false);

    /// <summary>Registers unless the key is taken.</summary>
    bool TryRegister<TKey>(IActorRef actor, bool overwrite = false);

    /// <summary>The actor under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="MissingActorRegistryEntryException">None is registered.</exception>
    IActorRef Get<TKey>();

    /// <summary>The actor under <typeparamref name="TKey"/>, if registered.</summary>
    bool TryGet<TKey>(out IActorRef actor);

    /// <summary>Waits until an actor is registered under <typeparamref name="TKey"/>.</summary>
    Task<IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default);
}
