using Akka.Actor;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Market;

namespace Supervisor.Actors.Accounts;

/// <summary>
/// The single node's account tree, made of the cluster's parts over a <see cref="LocalAccountRegion"/> in place of the
/// shard region: <c>account-region</c> (one <see cref="AccountEntity"/> per account), <c>account-keeper</c> (the
/// <see cref="AccountKeeper"/>, which starts every registered account) and <c>accounts</c> (<see cref="NodeAccounts"/>,
/// the protocol the commands and the API speak).
/// </summary>
public static class LocalAccounts
{
    // As the cluster's keeper: a no-op for the accounts that run, a restart for one that stayed down.
    private static readonly TimeSpan KeeperInterval = TimeSpan.FromSeconds(30);

    /// <summary>Starts the tree under <paramref name="parent"/> and returns its <see cref="NodeAccounts"/> and region.</summary>
    /// <param name="parent">Where the three actors start (the actor system, or a test's).</param>
    /// <param name="registry">The accounts to run.</param>
    /// <param name="settings">How connections are kept alive.</param>
    /// <param name="stateFor">Each account's state actor (none if null).</param>
    /// <param name="markets">The venues' market-data protocols; each connects once the venue's first account reports its state.</param>
    /// <param name="restartBackoff">How long an account that stopped after repeated failures waits to start again (null: <see cref="LocalAccountRegion.DefaultRestartBackoff"/>).</param>
    public static (IActorRef Accounts, IActorRef Region) Start(IActorRefFactory parent, AccountRegistry registry, AccountSettings settings,
        Func<AccountDefinition, Props?>? stateFor, IEnumerable<IMarketDataProtocol>? markets = null, TimeSpan? restartBackoff = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(registry);
        var region = parent.ActorOf(LocalAccountRegion.Props(new AccountMessageExtractor(AccountMessageExtractor.DefaultMaxShards),
            entityId => AccountEntity.Props(entityId, registry, settings, stateFor), StopAccount.Instance, restartBackoff), "account-region");
        var keeper = parent.ActorOf(AccountKeeper.Props(registry, region, KeeperInterval), "account-keeper");
        var accounts = parent.ActorOf(NodeAccounts.Props(registry, region, keeper, settings, markets ?? []), "accounts");
        return (accounts, region);
    }
}
