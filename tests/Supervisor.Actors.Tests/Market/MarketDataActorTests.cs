using System.Collections.Immutable;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Market;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Akka.Actor;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.Tests.Market;

/// <summary>
/// One public CoinW connection for all accounts of the venue (against a loopback public socket): subscribed once to
/// each instrument any account holds, growing as holdings grow, resubscribing what is held now after a reconnect,
/// marks published on the event stream and taken up by the state actors that hold the instrument.
/// </summary>
public sealed class MarketDataActorTests : ActorSpec
{
    private static readonly AccountSettings Settings = new() { RandomFactor = 0, MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) };

    public MarketDataActorTests()
    {
    }

    [Fact]
    public async Task A_hundred_accounts_holding_the_same_instruments_share_one_connection_and_one_subscription_each()
    {
        await using var venue = await CoinWMarketLoopbackVenue.StartAsync();
        var market = ActorOf(MarketDataActor.Props(new CoinWMarketProtocol(venue.Uri), Settings), "market-coinw");
        Sys.EventStream.Subscribe(TestActor, typeof(MarkPriceChanged));
        await AwaitLiveAsync(market);

        for (var i = 0; i < 100; i++)
        {
            Publish($"cw{i}", "coinw", i % 3 == 0 ? ["BTC", "ETH"] : ["BTC"]);
        }
        Publish("cl1", "coinlocally", ["SOL"]);

        await AwaitAssertAsync(async () =>
        {
            Assert.Equal(["btc", "eth"], venue.Subscribes.Select(s => s.PairCode).Order(StringComparer.Ordinal));
            var status = await market.Ask<MarketDataStatus>(new GetMarketDataStatus(), TimeSpan.FromSeconds(5));
            Assert.Equal(["BTC", "ETH"], status.Instruments);
            Assert.Equal(ConnectionStatus.Live, status.Connection);
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(1, venue.Connections);

        Assert.Equal(1, await venue.PushMarkAsync("BTC", 86470.5m));
        var mark = ExpectMsg<MarkPriceChanged>(TimeSpan.FromSeconds(5));
        Assert.Equal(new MarkPriceChanged("coinw", "BTC", 86470.5m), mark with { At = null });
        Assert.NotNull(mark.At);
    }

    [Fact]
    public async Task After_a_reconnect_only_the_instruments_held_now_are_subscribed()
    {
        await using var venue = await CoinWMarketLoopbackVenue.StartAsync();
        var market = ActorOf(MarketDataActor.Props(new CoinWMarketProtocol(venue.Uri), Settings), "market-coinw");
        await AwaitLiveAsync(market);
        Publish("cw1", "coinw", ["BTC"]);
        Publish("cw2", "coinw", ["ETH"]);
        AwaitCondition(() => venue.Subscribes.Count == 2, TimeSpan.FromSeconds(10));

        Publish("cw2", "coinw", []);
        Publish("cw3", "coinw", ["SOL", "BTC"]);
        AwaitCondition(() => venue.Subscribes.Count == 3, TimeSpan.FromSeconds(10));
        venue.DropAll();

        AwaitAssert(() =>
            Assert.Equal(["btc", "sol"], venue.Subscribes.Where(s => s.Connection == 2).Select(s => s.PairCode).Order(StringComparer.Ordinal)),
            TimeSpan.FromSeconds(10));
        var status = await market.Ask<MarketDataStatus>(new GetMarketDataStatus(), TimeSpan.FromSeconds(5));
        Assert.Equal(1, status.Reconnects);
    }

    [Fact]
    public async Task Shared_marks_value_the_positions_of_the_accounts_that_hold_the_instrument_only()
    {
        var holder = ActorOf(AccountStateActor.Props("cw-holder", "coinw"), "holder");
        var other = ActorOf(AccountStateActor.Props("cw-other", "coinw"), "other");
        holder.Tell(new VenueEventsReceived([new PositionChanged("coinw", "p-1", "BTC", TradeSide.Long, 2m, 85_000m, 10m, 170m)]));
        other.Tell(new VenueEventsReceived([new PositionChanged("coinw", "p-2", "ETH", TradeSide.Short, 1m, 3_200m, 10m, 32m)]));
        await holder.Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(5));
        await other.Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(5));

        Sys.EventStream.Publish(new MarkPriceChanged("coinw", "BTC", 85_500m));
        Sys.EventStream.Publish(new MarkPriceChanged("coinlocally", "ETH", 1m));

        await AwaitAssertAsync(async () =>
        {
            var state = await holder.Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(5));
            Assert.Equal(85_500m, state.MarkPrices["BTC"]);
            Assert.Equal(1_000m, state.UnrealizedPnl);
        }, TimeSpan.FromSeconds(5));
        var untouched = await other.Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(5));
        Assert.Empty(untouched.MarkPrices);
        Assert.Equal(0m, untouched.UnrealizedPnl);
    }

    [Fact]
    public async Task The_node_opens_a_venue_s_market_connection_only_once_an_account_of_the_venue_reports_its_state()
    {
        await using var venue = await CoinWMarketLoopbackVenue.StartAsync();
        await using var account = await Protocol.CoinWLoopbackVenue.StartAsync("key-1", "secret-1");
        var root = LocalAccounts.Start(Sys, new AccountRegistry([]), Settings, a => AccountStateActor.Props(a.Id, a.Venue), markets: [new CoinWMarketProtocol(venue.Uri)]).Accounts;
        Assert.Empty((await root.Ask<MarketDataStatuses>(new GetMarketDataStatus(), TimeSpan.FromSeconds(5))).Venues);
        Assert.Equal(0, venue.Connections);

        root.Tell(new AddAccount(new AccountDefinition("late", new CoinWProtocol(account.Uri, new ApiCredentials("key-1", "secret-1")))));
        ExpectMsg(new AccountAdded("coinw", "late"));
        await AwaitAssertAsync(async () =>
        {
            var statuses = await root.Ask<MarketDataStatuses>(new GetMarketDataStatus(), TimeSpan.FromSeconds(5));
            var coinw = Assert.Single(statuses.Venues);
            Assert.Equal("coinw", coinw.Venue);
            Assert.Equal(ConnectionStatus.Live, coinw.Connection);
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(1, venue.Connections);
    }

    private Task AwaitLiveAsync(IActorRef market) => AwaitAssertAsync(async () =>
        Assert.Equal(ConnectionStatus.Live, (await market.Ask<MarketDataStatus>(new GetMarketDataStatus(), TimeSpan.FromSeconds(5))).Connection),
        TimeSpan.FromSeconds(10));

    private void Publish(string accountId, string venue, string[] instruments)
    {
        var positions = instruments.Select((instrument, i) => new PositionChanged(venue, $"{accountId}-{i}", instrument, TradeSide.Long, 1m, 100m, 10m, 10m))
            .ToImmutableDictionary(p => p.PositionId, StringComparer.Ordinal);
        Sys.EventStream.Publish(new AccountStateChanged(AccountState.Empty(accountId, venue) with { Positions = positions }));
    }
}
