using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.TestKit;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Market;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Supervisor.Actors.Tests.Connection;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.Tests.Cluster;

/// <summary>
/// A node's <c>/user/accounts</c> speaking the root's protocol on top of the shard region, here a probe: registry
/// changes, messages for one account, the statuses of the accounts the region holds, and the node's market data.
/// </summary>
public sealed class NodeAccountsTests : ActorSpec
{
    private static readonly Uri DeadVenue = new("ws://127.0.0.1:1/");
    private static readonly AccountSettings Settings = new() { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10), RandomFactor = 0 };

    private readonly TestProbe _region;
    private readonly TestProbe _keeper;

    public NodeAccountsTests()
    {
        _region = CreateTestProbe();
        _keeper = CreateTestProbe();
    }

    private static AccountDefinition Scripted(string id, string fingerprint = "v1") => new(id, new ScriptedProtocol(DeadVenue)) { Fingerprint = fingerprint };

    // The ask timeout (5 s by default) is real time, as Akka's Ask timeouts are: the tests that wait for one shorten it.
    private IActorRef Node(AccountRegistry registry, IEnumerable<IMarketDataProtocol>? markets = null, TimeSpan? askTimeout = null) =>
        Sys.ActorOf(NodeAccounts.Props(registry, _region.Ref, _keeper.Ref, Settings, markets ?? [], askTimeout), "accounts");

    private static AccountStatus Status(string venue, string id) => new(id, venue, ConnectionStatus.Live, 0, 0, null, null, 0);

    [Fact]
    public void An_added_account_is_registered_and_the_keeper_starts_it()
    {
        var registry = new AccountRegistry([]);
        var node = Node(registry);
        var a1 = Scripted("a1");

        node.Tell(new AddAccount(a1));

        Assert.Equal(new KeepAccount("scripted|a1"), _keeper.ExpectMsg<KeepAccount>());
        ExpectMsg(new AccountAdded("scripted", "a1"));
        _region.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Same(a1, registry.Find("scripted|a1"));
    }

    [Fact]
    public void An_account_added_twice_is_rejected_and_keeps_its_first_definition()
    {
        var first = Scripted("a1", "v1");
        var registry = new AccountRegistry([first]);
        var node = Node(registry);

        node.Tell(new AddAccount(Scripted("a1", "v2")));

        var rejected = ExpectMsg<AccountRejected>();
        Assert.Equal(("scripted", "a1"), (rejected.Venue, rejected.AccountId));
        Assert.Contains("already supervised", rejected.Reason, StringComparison.Ordinal);
        _region.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Same(first, registry.Find("scripted|a1"));
    }

    [Fact]
    public void A_removed_account_leaves_the_registry_and_its_entity_is_told_to_refresh()
    {
        var registry = new AccountRegistry([Scripted("a1")]);
        var node = Node(registry);

        node.Tell(new RemoveAccount("scripted", "a1"));

        Assert.Equal(new AccountEnvelope("scripted|a1", new RefreshAccount()), _region.ExpectMsg<AccountEnvelope>());
        ExpectMsg(new AccountRemoved("scripted", "a1", true));
        Assert.Null(registry.Find("scripted|a1"));
    }

    [Fact]
    public void Removing_an_account_this_node_does_not_know_still_tells_its_entity_to_refresh()
    {
        // The entity runs on whichever node holds it and reads that node's registry; the refresh is harmless if it
        // changes nothing (an entity that is not registered there passivates itself).
        var node = Node(new AccountRegistry([]));

        node.Tell(new RemoveAccount("scripted", "gone"));

        Assert.Equal(new AccountEnvelope("scripted|gone", new RefreshAccount()), _region.ExpectMsg<AccountEnvelope>());
        ExpectMsg(new AccountRemoved("scripted", "gone", false));
    }

    [Fact]
    public void A_replaced_account_is_replaced_in_the_registry_and_its_entity_is_told_to_refresh()
    {
        var registry = new AccountRegistry([Scripted("a1", "v1")]);
        var node = Node(registry);
        var next = Scripted("a1", "v2");

        node.Tell(new ReplaceAccount(next));

        Assert.Equal(new AccountEnvelope("scripted|a1", new RefreshAccount()), _region.ExpectMsg<AccountEnvelope>());
        ExpectMsg(new AccountReplaced("scripted", "a1"));
        Assert.Same(next, registry.Find("scripted|a1"));
    }

    [Fact]
    public void A_message_for_one_account_reaches_its_entity_in_an_envelope_and_the_answer_goes_to_the_asker()
    {
        var node = Node(new AccountRegistry([Scripted("a1")]));
        var asker = CreateTestProbe();

        node.Tell(new ForAccount("scripted", "a1", new GetAccountState()), asker.Ref);

        var envelope = _region.ExpectMsg<AccountEnvelope>();
        Assert.Equal("scripted|a1", envelope.EntityId);
        Assert.IsType<GetAccountState>(envelope.Message);
        Assert.Equal(asker.Ref, _region.LastSender);
        var state = AccountState.Empty("a1", "scripted");
        _region.Reply(state);
        Assert.Same(state, asker.ExpectMsg<AccountState>());
    }

    [Fact]
    public void Statuses_are_those_of_the_entities_the_region_holds_sorted_by_venue_and_id_leaving_out_one_that_does_not_answer()
    {
        // Long enough for a loaded machine to answer the others in time, short enough not to wait 5 s for the silent one.
        var node = Node(new AccountRegistry([]), askTimeout: TimeSpan.FromSeconds(2));

        node.Tell(new GetAccountStatuses());

        _region.ExpectMsg<GetShardRegionState>();
        _region.Reply(new CurrentShardRegionState(ImmutableHashSet.Create(
            new ShardState("7", ImmutableHashSet.Create("scripted|b2", "coinw|z9")),
            new ShardState("12", ImmutableHashSet.Create("scripted|a1", "scripted|silent")),
            new ShardState("40", ImmutableHashSet<string>.Empty)), ImmutableHashSet<string>.Empty));
        var asked = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var envelope = _region.ExpectMsg<AccountEnvelope>();
            Assert.IsType<GetAccountStatus>(envelope.Message);
            asked.Add(envelope.EntityId);
            var (venue, id) = (envelope.EntityId.Split('|')[0], envelope.EntityId.Split('|')[1]);
            if (id != "silent")
            {
                _region.LastSender.Tell(Status(venue, id));
            }
        }
        Assert.Equal(["coinw|z9", "scripted|a1", "scripted|b2", "scripted|silent"], asked.Order(StringComparer.Ordinal));

        // The silent one is left out once its question times out (2 s here, 5 s by default).
        var statuses = ExpectMsg<AccountStatuses>(TimeSpan.FromSeconds(5));
        Assert.Equal([("coinw", "z9"), ("scripted", "a1"), ("scripted", "b2")], statuses.Accounts.Select(s => (s.Venue, s.AccountId)));
        _region.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_entity_that_answers_with_a_failure_is_left_out_of_the_statuses()
    {
        var node = Node(new AccountRegistry([]));

        node.Tell(new GetAccountStatuses());
        _region.ExpectMsg<GetShardRegionState>();
        _region.Reply(new CurrentShardRegionState(ImmutableHashSet.Create(new ShardState("1", ImmutableHashSet.Create("scripted|a1", "scripted|gone"))), ImmutableHashSet<string>.Empty));
        for (var i = 0; i < 2; i++)
        {
            var envelope = _region.ExpectMsg<AccountEnvelope>();
            _region.LastSender.Tell(envelope.EntityId == "scripted|gone"
                ? new Status.Failure(new KeyNotFoundException("No account scripted|gone is registered."))
                : Status("scripted", "a1"));
        }

        Assert.Equal(["a1"], ExpectMsg<AccountStatuses>().Accounts.Select(s => s.AccountId));
    }

    [Fact]
    public void A_node_holding_no_entities_reports_no_statuses()
    {
        var node = Node(new AccountRegistry([Scripted("a1")]));

        node.Tell(new GetAccountStatuses());
        _region.ExpectMsg<GetShardRegionState>();
        _region.Reply(new CurrentShardRegionState(ImmutableHashSet<ShardState>.Empty, ImmutableHashSet<string>.Empty));

        Assert.Empty(ExpectMsg<AccountStatuses>().Accounts);
        _region.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_region_that_does_not_say_what_it_holds_fails_the_status_question()
    {
        var node = Node(new AccountRegistry([]), askTimeout: TimeSpan.FromMilliseconds(300));

        node.Tell(new GetAccountStatuses());
        _region.ExpectMsg<GetShardRegionState>();

        Assert.IsType<AskTimeoutException>(ExpectMsg<Status.Failure>(TimeSpan.FromSeconds(5)).Cause);
    }

    [Fact]
    public async Task The_first_state_of_a_venue_with_market_data_starts_its_one_market_data_connection_which_gets_that_state()
    {
        var node = Node(new AccountRegistry([]), [new CoinWMarketProtocol(DeadVenue)]);
        // Answered after PreStart, so the node is subscribed to the event stream from here on.
        Assert.Empty(await MarketsOf(node));

        Publish("cl1", "coinlocally", "SOL");
        Assert.Empty(await MarketsOf(node));
        Publish("cw1", "coinw", "BTC");

        // The market actor subscribes to the event stream itself only once it has started, after that first state was
        // published: BTC can only have come from the node handing it over.
        await AwaitAssertAsync(async () =>
        {
            var status = Assert.Single(await MarketsOf(node));
            Assert.Equal("coinw", status.Venue);
            Assert.Equal(["BTC"], status.Instruments);
        }, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20));
        var actor = await ActorAt("/user/accounts/market-coinw");
        Assert.NotNull(actor);

        // Later states reach it from the event stream; no second connection starts.
        Publish("cw2", "coinw", "ETH");
        await AwaitAssertAsync(async () => Assert.Equal(["BTC", "ETH"], Assert.Single(await MarketsOf(node)).Instruments),
            TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20));
        Assert.Equal(actor, await ActorAt("/user/accounts/market-coinw"));
    }

    [Fact]
    public async Task Without_market_data_protocols_no_market_data_connection_starts()
    {
        var node = Node(new AccountRegistry([]));
        Assert.Empty(await MarketsOf(node));

        Publish("cw1", "coinw", "BTC");

        Assert.Empty(await MarketsOf(node));
        Assert.Null(await ActorAt("/user/accounts/market-coinw"));
    }

    private static async Task<IReadOnlyList<MarketDataStatus>> MarketsOf(IActorRef node) =>
        (await node.Ask<MarketDataStatuses>(new GetMarketDataStatus(), TimeSpan.FromSeconds(5))).Venues;

    private async Task<IActorRef?> ActorAt(string path) =>
        (await Sys.ActorSelection(path).Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(5))).Subject;

    private void Publish(string accountId, string venue, string instrument)
    {
        var position = new PositionChanged(venue, $"{accountId}-1", instrument, TradeSide.Long, 1m, 100m, 10m, 10m);
        Sys.EventStream.Publish(new AccountStateChanged(AccountState.Empty(accountId, venue) with
        {
            Positions = ImmutableDictionary<string, PositionChanged>.Empty.WithComparers(StringComparer.Ordinal).Add(position.PositionId, position),
        }));
    }
}
