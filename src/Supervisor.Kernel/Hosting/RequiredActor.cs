using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Hosting;

/// <summary>Resolves <typeparamref name="TKey"/> from the registry.</summary>
internal sealed class RequiredActor<TKey>(IActorRegistry registry) : IRequiredActor<TKey>
{
    public IActorRef ActorRef => registry.Get<TKey>();

    public Task<IActorRef> GetAsync(CancellationToken cancellationToken = default) => registry.GetAsync<TKey>(cancellationToken);
}
