using Microsoft.Data.Sqlite;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Hosting;
using Microsoft.Extensions.Hosting;
using Supervisor.Actors.State;
using Akka.Actor;
using Akka.Pattern;
using Akka.Persistence;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.Tests.State;

public sealed class AccountStateActorTests : ActorSpec
{
    private const string Venue = "coinw";

    public AccountStateActorTests()
    {
    }

    private static readonly AssetBalanceChanged Usdt = new(Venue, "USDT", 1000.123456789012345678m, 50m, 200m);
    private static readonly PositionChanged BtcLong = new(Venue, "p-1", "BTC", TradeSide.Long, 0.5m, 85717.01833333999523920m, 10m, 4285.85m);
    private static readonly OrderChanged OpenOrder = new(Venue, "o-1", "BTC", TradeSide.Long, 85000m, 1m, 0.25m, OrderStatus.PartiallyFilled);

    private AccountState StateOf(IActorRef actor) => actor.Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();

    [Fact]
    public void Events_fold_into_the_state_and_positions_are_valued_at_mark()
    {
        var actor = ActorOf(AccountStateActor.Props("a1", Venue));
        actor.Tell(new VenueEventsReceived([Usdt, BtcLong, OpenOrder, new MarkPriceChanged(Venue, "BTC", 86717.01833333999523920m)]));
        var state = StateOf(actor);
        Assert.Equal(Usdt, state.Assets["USDT"]);
        Assert.Equal(BtcLong, state.Positions["p-1"]);
        Assert.Equal(OpenOrder, state.OpenOrders["o-1"]);
        Assert.Equal(500m, state.UnrealizedPnl);
        Assert.Equal(Usdt.Total + 500m, state.Equity);
        Assert.Equal(3, state.SequenceNr);
    }

    [Fact]
    public void A_repeated_identical_push_writes_nothing()
    {
        var actor = ActorOf(AccountStateActor.Props("a2", Venue));
        actor.Tell(new VenueEventsReceived([Usdt, BtcLong]));
        StateOf(actor);
        actor.Tell(new VenueEventsReceived([Usdt, BtcLong, new MarkPriceChanged(Venue, "BTC", 1m)]));
        actor.Tell(new VenueEventsReceived([Usdt]));
        Assert.Equal(2, StateOf(actor).SequenceNr);
        Assert.Equal(2, JournalOf(AccountStateActor.PersistenceIdFor(Venue, "a2")).Events.Count);
    }

    [Fact]
    public void Terminal_orders_and_closed_positions_leave_the_state()
    {
        var actor = ActorOf(AccountStateActor.Props("a3", Venue));
        actor.Tell(new VenueEventsReceived([BtcLong, OpenOrder, new AdlRankChanged(Venue, "p-1", "BTC", 2)]));
        Assert.Equal(2, StateOf(actor).AdlRanks["p-1"].Rank);
        actor.Tell(new VenueEventsReceived([OpenOrder with { FilledQuantity = 1m, Status = OrderStatus.Filled }, new PositionClosed(Venue, "p-1", "BTC")]));
        var state = StateOf(actor);
        Assert.Empty(state.OpenOrders);
        Assert.Empty(state.Positions);
        Assert.Empty(state.AdlRanks);
    }

    [Fact]
    public void A_duplicate_fill_is_counted_once()
    {
        var actor = ActorOf(AccountStateActor.Props("a4", Venue));
        var fill = new FillReceived(Venue, "f-1", "o-1", "BTC", TradeSide.Long, 85000m, 0.25m, 0.01m);
        actor.Tell(new VenueEventsReceived([fill, fill]));
        actor.Tell(new VenueEventsReceived([fill]));
        Assert.Equal(1, StateOf(actor).Fills);
    }

    [Fact]
    public void The_state_is_recovered_after_a_stop_but_mark_prices_are_not()
    {
        var first = Watch(ActorOf(AccountStateActor.Props("a5", Venue)));
        first.Tell(new VenueEventsReceived([Usdt, BtcLong, new MarkPriceChanged(Venue, "BTC", 90000m)]));
        var before = StateOf(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        var recovered = StateOf(ActorOf(AccountStateActor.Props("a5", Venue)));
        Assert.Equal(before.Assets, recovered.Assets);
        Assert.Equal(before.Positions.Values, recovered.Positions.Values);
        Assert.Empty(recovered.MarkPrices);
        Assert.Equal(2, recovered.SequenceNr);
    }

    [Fact]
    public void An_adl_push_journals_rank_and_risk_once_and_its_prices_value_the_position_in_memory()
    {
        var position = new PositionChanged("chainup", "501", "E-BTC-USDT", TradeSide.Long, 25m, 64000.5m, 10m, 160m);
        var adl = new AdlRankChanged("chainup", "501", "", 3) { LiquidationPrice = 57800.2m, PositionMargin = 160m, MarginRate = 0.0125m, BestBid = 64100.1m, MarkPrice = 64100m };
        var first = Watch(ActorOf(AccountStateActor.Props("a12", "coinlocally")));
        first.Tell(new VenueEventsReceived([position, adl]));
        first.Tell(new VenueEventsReceived([adl with { MarkPrice = 64200m, BestBid = 64199m }]));

        var live = StateOf(first);
        Assert.Equal(2, live.SequenceNr);
        Assert.Equal(64200m, live.MarkPrices["E-BTC-USDT"]);
        Assert.Equal(64199m, live.AdlRanks["501"].BestBid);
        Assert.Equal((64200m - 64000.5m) * 25m, live.UnrealizedPnl);

        Sys.Stop(first);
        ExpectTerminated(first);
        var recovered = StateOf(ActorOf(AccountStateActor.Props("a12", "coinlocally")));
        Assert.Equal(adl.WithoutMarket() with { Instrument = "E-BTC-USDT" }, recovered.AdlRanks["501"]);
        Assert.Empty(recovered.MarkPrices);
    }

    [Fact]
    public void Snapshots_are_taken_every_n_events_and_recovery_starts_from_them()
    {
        var first = Watch(ActorOf(AccountStateActor.Props("a6", Venue, snapshotEvery: 3)));
        for (var i = 1; i <= 4; i++)
        {
            first.Tell(new VenueEventsReceived([Usdt with { Available = i }]));
        }
        Assert.Equal(4, StateOf(first).SequenceNr);
        AwaitAssert(() => Assert.Equal(3, JournalOf(AccountStateActor.PersistenceIdFor(Venue, "a6")).SnapshotSequenceNr));
        Sys.Stop(first);
        ExpectTerminated(first);
        var recovered = StateOf(ActorOf(AccountStateActor.Props("a6", Venue, snapshotEvery: 3)));
        Assert.Equal(4m, recovered.Assets["USDT"].Available);
        Assert.Equal(4, recovered.SequenceNr);
    }

    [Fact]
    public async Task A_journal_failure_stops_the_state_and_its_backoff_supervisor_brings_it_back_with_everything_acknowledged()
    {
        var options = Backoff.OnStop(AccountStateActor.Props("a7", Venue), "state", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0, maxNrOfRetries: -1);
        var supervisor = ActorOf(BackoffSupervisor.Props(options));
        supervisor.Tell(new VenueEventsReceived([Usdt]));
        AwaitAssert(() => Assert.Equal(1, StateOf(supervisor).SequenceNr));
        await Journal.OnWrite.Fail();
        // Akka logs the failed write as an error and stops the persistent actor; its backoff supervisor starts a new one.
        EventFilter.Error(contains: "Failed to persist event").ExpectOne(() => supervisor.Tell(new VenueEventsReceived([BtcLong])));
        await Journal.OnWrite.Pass();
        AwaitAssert(() =>
        {
            var state = StateOf(supervisor);
            Assert.Equal(Usdt, state.Assets["USDT"]);
            Assert.Empty(state.Positions);
        }, TimeSpan.FromSeconds(10));
        supervisor.Tell(new VenueEventsReceived([BtcLong]));
        AwaitAssert(() => Assert.Equal(BtcLong, StateOf(supervisor).Positions["p-1"]));
    }

    [Fact]
    public void The_journal_lag_is_measured_from_the_frames_arrival_and_no_op_frames_do_not_count()
    {
        var actor = ActorOf(AccountStateActor.Props("a9", Venue));
        actor.Tell(new VenueEventsReceived([Usdt]) { ReceivedAt = Sys.Scheduler.Now - TimeSpan.FromSeconds(2) });
        actor.Tell(new VenueEventsReceived([Usdt]) { ReceivedAt = Sys.Scheduler.Now - TimeSpan.FromSeconds(9) });
        actor.Tell(new GetJournalLag());
        var lag = ExpectMsg<JournalLag>();
        Assert.Equal(1, lag.Writes);
        Assert.InRange(lag.Last, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8));
        Assert.Equal(lag.Last, lag.Max);
    }

    [Fact]
    public void Connection_status_is_kept_in_memory_and_published()
    {
        var actor = ActorOf(AccountStateActor.Props("a8", Venue));
        Sys.EventStream.Subscribe(TestActor, typeof(AccountStateChanged));
        actor.Tell(new ConnectionStatusChanged(ConnectionStatus.Live));
        Assert.Equal(ConnectionStatus.Live, ExpectMsg<AccountStateChanged>().State.Connection);
    }

    [Fact]
    public async Task Every_account_survives_a_restart_of_the_whole_system_on_the_same_SQLite_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), "supervisor-state-" + Guid.NewGuid().ToString("N"));
        var journal = JournalSettings.Sqlite(Path.Combine(directory, "journal.db"));
        try
        {
            var expected = new Dictionary<string, AccountState>();
            using (var host = await SqliteSystem.StartAsync(journal))
            {
                var system = host.Services.GetRequiredService<ActorSystem>();
                for (var i = 0; i < 20; i++)
                {
                    var actor = system.ActorOf(AccountStateActor.Props($"acc-{i}", Venue, snapshotEvery: 7));
                    for (var n = 1; n <= 10; n++)
                    {
                        actor.Tell(new VenueEventsReceived([Usdt with { Available = n * i }, BtcLong with { PositionId = $"p-{n % 3}", Quantity = n }]), ActorRefs.NoSender);
                    }
                    expected[$"acc-{i}"] = await actor.Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(10));
                }
                await host.StopAsync();
            }
            using (var host = await SqliteSystem.StartAsync(journal))
            {
                var system = host.Services.GetRequiredService<ActorSystem>();
                foreach (var (id, before) in expected)
                {
                    var after = await system.ActorOf(AccountStateActor.Props(id, Venue, snapshotEvery: 7)).Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(10));
                    Assert.Equal(before.Assets, after.Assets);
                    Assert.Equal(before.Positions.OrderBy(p => p.Key), after.Positions.OrderBy(p => p.Key));
                    Assert.Equal(before.SequenceNr, after.SequenceNr);
                }
                await host.StopAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
