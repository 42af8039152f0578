using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Market;

namespace Supervisor.Actors.Cluster;

/// <summary>The cluster's account wiring for Akka.Hosting, beside <see cref="Hosting.AkkaConfiguration"/>.</summary>
public static class AccountShards
{
    /// <summary>The shard region's type name; it is part of the sharding persistence ids, so it must not change.</summary>
    public const string TypeName = "account";

    // How often the keeper makes sure every registered account runs (a no-op for those that do).
    private static readonly TimeSpan KeeperInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers the account shard region (as <see cref="AccountEntity"/> in the actor registry) and starts every
    /// registered account through the <see cref="AccountKeeper"/> singleton, registers this node's <see cref="NodeAccounts"/> (as itself), and binds
    /// <see cref="AccountWireSerializer"/> for the messages the region sends between nodes and the queries and answers
    /// that cross them (<see cref="AccountWireSerializer.BoundTypes"/>). Remember-entities keeps
    /// every started account running across failovers without waiting for a message: remembered ids in the journal
    /// (eventsourced), coordinator state in distributed data, because the durable (LMDB) ddata store does not load
    /// here (reference/akka-net.md §6.3). A shard handed off stops its accounts with <see cref="StopAccount"/>, after
    /// their writes. Needs clustering (<c>WithClustering</c>), a journal shared by all nodes, and
    /// <see cref="Hosting.AkkaConfiguration.WithAccountSerializer"/>.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="registry">The accounts; every node must hold the same ones.</param>
    /// <param name="settings">How connections are kept alive.</param>
    /// <param name="stateFor">Each account's state actor (none if null), as for the single-node root.</param>
    /// <param name="markets">This node's own market-data protocols (instances are not shared between nodes).</param>
    /// <param name="maxShards">The shard count; changing it moves accounts between shards, so pick it once.</param>
    /// <param name="hostsAccounts">False for a member without the accounts role: it reaches accounts through a proxy.</param>
    public static AkkaConfigurationBuilder WithAccountShards(this AkkaConfigurationBuilder builder, AccountRegistry registry, AccountSettings settings,
        Func<AccountDefinition, Props?>? stateFor, IEnumerable<IMarketDataProtocol>? markets = null, int maxShards = AccountMessageExtractor.DefaultMaxShards,
        bool hostsAccounts = true)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var extractor = new AccountMessageExtractor(maxShards);
        builder = builder.WithCustomSerializer(AccountWireSerializer.Name, AccountWireSerializer.BoundTypes, system => new AccountWireSerializer(system));
        builder = hostsAccounts
            ? builder.WithShardRegion<AccountEntity>(TypeName, entityId => AccountEntity.Props(entityId, registry, settings, stateFor), extractor, new ShardOptions
            {
                Role = ClusterSettings.AccountsRole,
                RememberEntities = true,
                StateStoreMode = StateStoreMode.DData,
                RememberEntitiesStore = RememberEntitiesStore.Eventsourced,
                HandOffStopMessage = StopAccount.Instance,
            })
            : builder.WithShardRegionProxy<AccountEntity>(TypeName, ClusterSettings.AccountsRole, extractor);
        if (hostsAccounts)
        {
            builder = builder.WithSingleton<AccountKeeper>("account-keeper",
                (_, actors, _) => AccountKeeper.Props(registry, actors.Get<AccountEntity>(), KeeperInterval),
                new ClusterSingletonOptions { Role = ClusterSettings.AccountsRole }, createProxyToo: true);
        }
        else
        {
            builder = builder.WithSingletonProxy<AccountKeeper>("account-keeper", new ClusterSingletonOptions { Role = ClusterSettings.AccountsRole });
        }
        return builder.WithActors((system, actors) =>
            actors.Register<NodeAccounts>(system.ActorOf(NodeAccounts.Props(registry, actors.Get<AccountEntity>(), actors.Get<AccountKeeper>(), settings, markets ?? []), "accounts")));
    }

    /// <summary>
    /// This node as a cluster member hosting its share of <paramref name="registry"/>: remoting and clustering from
    /// <paramref name="cluster"/>, keep-majority split-brain resolver (three nodes or more, reference/akka-net.md §6.2),
    /// the <see cref="JoinCheck"/> other nodes ask before they join, then <see cref="WithAccountShards"/>. The node does
    /// not join by itself: <see cref="ClusterAdmission.JoinAsync"/> joins it once the seeds agree with <paramref name="self"/>.
    /// </summary>
    public static AkkaConfigurationBuilder WithAccountCluster(this AkkaConfigurationBuilder builder, ClusterSettings cluster, JoinInfo self,
        AccountRegistry registry, AccountSettings settings, Func<AccountDefinition, Props?>? stateFor, IEnumerable<IMarketDataProtocol>? markets = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(self);
        return builder
            .WithRemoting(new RemoteOptions { HostName = cluster.Hostname, Port = cluster.Port, PublicHostName = cluster.PublicHostname })
            .WithClustering(new ClusterOptions
            {
                Roles = [.. cluster.Roles],
                SplitBrainResolver = new KeepMajorityOption(),
            })
            .WithActors((system, _) => system.ActorOf(JoinCheck.Props(self.JournalIdentity, self.Journal, self.Shards), JoinCheck.ActorName))
            .WithAccountShards(registry, settings, stateFor, markets, cluster.Shards, cluster.HostsAccounts);
    }
}
