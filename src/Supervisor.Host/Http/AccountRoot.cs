using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Supervisor.Actors.Cluster;

namespace Supervisor.Host.Http;

/// <summary>
/// The one place that knows which actor is the accounts' root: <see cref="NodeAccounts"/> (<c>/user/accounts</c>), over
/// the local region on a single node and over the shard region in a cluster, and whether the system is clustered (then
/// the API asks every member for its accounts).
/// </summary>
internal static class AccountRoot
{
    /// <summary>The root of <paramref name="services"/>' actor system, once it is registered (waits for the start).</summary>
    public static async Task<IActorRef> GetAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return await services.GetRequiredService<IRequiredActor<NodeAccounts>>().GetAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the system runs Akka.Cluster (its provider is the cluster's).</summary>
    public static bool IsClustered(ActorSystem system) => ((ExtendedActorSystem)system).Provider is IClusterActorRefProvider;
}
