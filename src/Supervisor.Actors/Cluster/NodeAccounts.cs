using Akka.Actor;
using Akka.Cluster.Sharding;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Market;
using Supervisor.Actors.State;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// <c>/user/accounts</c>, on a single node and on a cluster node alike: the accounts' protocol (add, remove, replace,
/// <see cref="ForAccount"/>, statuses) over an account region, the shard region in a cluster or a
/// <see cref="LocalAccountRegion"/> on one node, so <c>run</c>'s status lines, registry reloads and the API work the
/// same on both. Registry changes go to this node's <see cref="AccountRegistry"/> and reach the account wherever it
/// runs (<see cref="RefreshAccount"/>; an added one through the <see cref="AccountKeeper"/>); statuses are those of the
/// accounts this node holds. It also keeps this node's one market-data connection per venue, started when the first
/// account of that venue reports its state here.
/// </summary>
public sealed class NodeAccounts : ReceiveActor
{
    /// <summary>How long a status question waits for the region and for each account by default.</summary>
    public static readonly TimeSpan DefaultAskTimeout = TimeSpan.FromSeconds(5);
    private readonly TimeSpan _askTimeout;
    private readonly AccountRegistry _registry;
    private readonly IActorRef _region;
    private readonly IActorRef _keeper;
    private readonly AccountSettings _settings;
    private readonly List<IMarketDataProtocol> _idleMarkets;
    private readonly List<IActorRef> _markets = [];

    /// <summary>Serves <paramref name="registry"/> through <paramref name="region"/>; <paramref name="markets"/> are this node's own protocol instances.</summary>
    /// <param name="registry">This node's registry.</param>
    /// <param name="region">The account shard region (or its proxy).</param>
    /// <param name="keeper">The <see cref="AccountKeeper"/> (its singleton proxy), which starts an added account.</param>
    /// <param name="settings">How the market-data connections are kept alive.</param>
    /// <param name="markets">This node's market-data protocols.</param>
    /// <param name="askTimeout">How long a status question waits for the region and for each account (null: <see cref="DefaultAskTimeout"/>); an account that does not answer in time is left out.</param>
    public NodeAccounts(AccountRegistry registry, IActorRef region, IActorRef keeper, AccountSettings settings, IEnumerable<IMarketDataProtocol> markets,
        TimeSpan? askTimeout = null)
    {
        _askTimeout = askTimeout ?? DefaultAskTimeout;
        _registry = registry;
        _region = region;
        _keeper = keeper;
        _settings = settings;
        _idleMarkets = [.. markets];
        Receive<AddAccount>(add =>
        {
            if (InvalidName(add.Account) is { } invalid)
            {
                Sender.Tell(invalid, Self);
                return;
            }
            if (!_registry.Add(add.Account))
            {
                Sender.Tell(new AccountRejected(add.Account.Venue, add.Account.Id, $"account {add.Account.Id} on {add.Account.Venue} is already supervised"), Self);
                return;
            }
            _keeper.Tell(new KeepAccount(EntityIdOf(add.Account)), Self);
            Sender.Tell(new AccountAdded(add.Account.Venue, add.Account.Id), Self);
        });
        Receive<RemoveAccount>(remove =>
        {
            var existed = _registry.Remove(remove.Venue, remove.AccountId);
            _region.Tell(AccountEnvelope.For(remove.Venue, remove.AccountId, new RefreshAccount()), Self);
            Sender.Tell(new AccountRemoved(remove.Venue, remove.AccountId, existed), Self);
        });
        Receive<ReplaceAccount>(replace =>
        {
            if (InvalidName(replace.Account) is { } invalid)
            {
                Sender.Tell(invalid, Self);
                return;
            }
            _registry.Replace(replace.Account);
            _region.Tell(new AccountEnvelope(EntityIdOf(replace.Account), new RefreshAccount()), Self);
            Sender.Tell(new AccountReplaced(replace.Account.Venue, replace.Account.Id), Self);
        });
        Receive<ForAccount>(envelope => _region.Forward(AccountEnvelope.For(envelope.Venue, envelope.AccountId, envelope.Message)));
        Receive<GetAccountStatuses>(_ => StatusesHere().PipeTo(Sender, Self));
        Receive<GetMarketDataStatus>(query =>
        {
            var asks = _markets.Select(m => m.Ask<MarketDataStatus>(query, _askTimeout)).ToList();
            Task.WhenAll(asks).PipeTo(Sender, Self, statuses => new MarketDataStatuses(statuses));
        });
        Receive<AccountStateChanged>(changed => StartMarketDataFor(changed));
    }

    /// <summary>Props for a node's accounts.</summary>
    public static Props Props(AccountRegistry registry, IActorRef region, IActorRef keeper, AccountSettings settings, IEnumerable<IMarketDataProtocol> markets,
        TimeSpan? askTimeout = null) =>
        Akka.Actor.Props.Create(() => new NodeAccounts(registry, region, keeper, settings, markets, askTimeout));

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_idleMarkets.Count > 0)
        {
            Context.System.EventStream.Subscribe(Self, typeof(AccountStateChanged));
        }
    }

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private static string EntityIdOf(AccountDefinition account) => AccountEnvelope.EntityIdFor(account.Venue, account.Id);

    // The entity names its account actor after the account: an id that cannot be an actor name would fail the entity
    // at every start, so it is refused here, where the one who asked hears why. (The configuration admits only ids
    // that can; this guards the other callers.)
    private static AccountRejected? InvalidName(AccountDefinition account) => ActorPath.IsValidPathElement(account.ActorName)
        ? null
        : new AccountRejected(account.Venue, account.Id, $"account id '{account.Id}' cannot name an actor (letters, digits, '-', '_', '.' only)");

    private void StartMarketDataFor(AccountStateChanged changed)
    {
        var market = _idleMarkets.Find(m => m.AccountVenue == changed.State.Venue);
        if (market is null)
        {
            return;
        }
        _idleMarkets.Remove(market);
        var actor = Context.ActorOf(MarketDataActor.Props(market, _settings), MarketDataActor.ActorNameFor(market.Venue));
        _markets.Add(actor);
        // It subscribes to the event stream itself from now on; this first state is the one it would have missed.
        actor.Tell(changed, Self);
        if (_idleMarkets.Count == 0)
        {
            Context.System.EventStream.Unsubscribe(Self);
        }
    }

    // The accounts this node holds, as the shard region knows them; one that stops while being asked is left out.
    private async Task<AccountStatuses> StatusesHere()
    {
        var state = await _region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, _askTimeout).ConfigureAwait(false);
        var asks = state.Shards.SelectMany(shard => shard.EntityIds)
            .Select(id => _region.Ask<AccountStatus>(new AccountEnvelope(id, new GetAccountStatus()), _askTimeout)
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default));
        var statuses = await Task.WhenAll(asks).ConfigureAwait(false);
        return AccountStatuses.Ordered(statuses);
    }
}
