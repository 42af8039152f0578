using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Supervisor.Actors.Accounts;

namespace Supervisor.Actors.Cluster;

/// <summary>The cluster's account wiring for Akka.Hosting, beside <see cref="Hosting.AkkaConfiguration"/>.</summary>
public static class AccountShards
{
    /// <summary>The shard region's type name; it is part of the sharding persistence ids, so it must not change.</summary>
    public const string TypeName = "account";

    /// <summary>
    /// Registers the account shard region (as <see cref="AccountEntity"/> in the actor registry) and starts every
    /// registered account, and binds <see cref="AccountWireSerializer"/> for the messages the region sends between
    /// nodes and the queries and answers that cross them (<see cref="AccountWireSerializer.BoundTypes"/>).
    /// Remember-entities keeps every started account running across failovers without waiting for a message:
    /// remembered ids in the journal (eventsourced), coordinator state in distributed data, because the durable (LMDB)
    /// ddata store does not load here (reference/akka-net.md §6.3). Needs clustering
    /// (<c>WithClustering</c>), a journal shared by all nodes, and <see cref="Hosting.AkkaConfiguration.WithAccountSerializer"/>.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="registry">The accounts; every node must hold the same ones.</param>
    /// <param name="settings">How connections are kept alive.</param>
    /// <param name="stateFor">Each account's state actor (none if null), as for the single-node root.</param>
    /// <param name="maxShards">The shard count; changing it moves accounts between shards, so pick it once.</param>
    /// <param name="role">Only members with this role host accounts; null for all members.</param>
    public static AkkaConfigurationBuilder WithAccountShards(this AkkaConfigurationBuilder builder, IAccountRegistry registry, AccountSettings settings,
        Func<AccountDefinition, Props?>? stateFor, int maxShards = AccountMessageExtractor.DefaultMaxShards, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var options = new ShardOptions
        {
            Role = role,
            RememberEntities = true,
            StateStoreMode = StateStoreMode.DData,
            RememberEntitiesStore = RememberEntitiesStore.Eventsourced,
        };
        return builder
            .WithCustomSerializer(AccountWireSerializer.Name, AccountWireSerializer.BoundTypes, system => new AccountWireSerializer(system))
            .WithShardRegion<AccountEntity>(TypeName, entityId => AccountEntity.Props(entityId, registry, settings, stateFor),
                new AccountMessageExtractor(maxShards), options)
            .WithActors((_, actors) =>
            {
                // Every node asks for every account: StartEntity is idempotent, and the region buffers it until the
                // coordinator is known, so an account runs (once, somewhere) as soon as the cluster is up.
                var region = actors.Get<AccountEntity>();
                foreach (var account in registry.Accounts)
                {
                    region.Tell(new ShardRegion.StartEntity(AccountEnvelope.EntityIdFor(account.Venue, account.Id)), ActorRefs.NoSender);
                }
            });
    }
}
