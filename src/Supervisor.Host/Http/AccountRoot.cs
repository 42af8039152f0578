using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;

namespace Supervisor.Host.Http;

/// <summary>
/// The one place that knows which actor is the accounts' root: <see cref="RootSupervisor"/> on a single node,
/// <see cref="NodeAccounts"/> (<c>/user/accounts</c>) in a cluster. Once both deployments run <see cref="NodeAccounts"/>,
/// <see cref="GetAsync"/> becomes its second branch alone.
/// </summary>
internal static class AccountRoot
{
    /// <summary>The root of <paramref name="services"/>' actor system, once it is registered (waits for the start).</summary>
    public static async Task<IActorRef> GetAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var system = services.GetRequiredService<ActorSystem>();
        return IsClustered(system)
            ? await services.GetRequiredService<IRequiredActor<NodeAccounts>>().GetAsync(cancellationToken).ConfigureAwait(false)
            : await services.GetRequiredService<IRequiredActor<RootSupervisor>>().GetAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the system runs Akka.Cluster (its provider is the cluster's).</summary>
    public static bool IsClustered(ActorSystem system) => ((ExtendedActorSystem)system).Provider is IClusterActorRefProvider;
}
