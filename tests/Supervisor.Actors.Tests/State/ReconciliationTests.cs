using Supervisor.Actors.Connection;
using Supervisor.Actors.State;
using Akka.Actor;
using Supervisor.Venues.Events;
using Supervisor.Venues.Rest;

namespace Supervisor.Actors.Tests.State;

/// <summary>
/// Reconciliation in the state actor on virtual time, with a snapshot client the test answers by hand: pushes wait
/// while the snapshot is fetched, the differences are persisted behind a marker, pushes win for what they touched,
/// and a failed fetch releases the pushes and is retried.
/// </summary>
public sealed class ReconciliationTests : ActorSpec
{
    private const string Venue = "coinw";
    private static readonly AssetBalanceChanged Usdt = new(Venue, "USDT", 1000m, 0m, 100m);
    private static readonly PositionChanged Btc = new(Venue, "p-1", "BTC", TradeSide.Long, 1m, 85000m, 10m, 8500m);
    private static readonly PositionChanged Eth = new(Venue, "p-2", "ETH", TradeSide.Short, 3m, 3200m, 5m, 1920m);
    private static readonly OrderChanged Order = new(Venue, "o-1", "BTC", TradeSide.Long, 84000m, 2m, 0m, OrderStatus.New);
    private readonly ManualSnapshots _client = new();

    public ReconciliationTests()
        : base(VirtualTime())
    {
    }

    private AccountState StateOf(IActorRef actor) => actor.Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();

    [Fact]
    public void Differences_cover_changed_new_and_vanished_entities_but_not_touched_ones()
    {
        var state = AccountState.Empty("a", Venue);
        foreach (var e in new VenueEvent[] { Usdt, Btc, Eth, Order })
        {
            state = state.Apply(e);
        }
        var snapshot = new AccountSnapshot(Venue, [Usdt with { Available = 900m }], [Btc with { Quantity = 2m }], []);

        var all = Reconciliation.Differences(state, snapshot, new HashSet<string>());
        var sparing = Reconciliation.Differences(state, snapshot, new HashSet<string>(Reconciliation.Keys(Btc, state).Concat(Reconciliation.Keys(Order, state))));

        Assert.Equal<VenueEvent>([Usdt with { Available = 900m }, Btc with { Quantity = 2m }, new PositionClosed(Venue, "p-2", "ETH"), new OrderVanished(Venue, "o-1", "BTC")], all);
        Assert.Equal<VenueEvent>([Usdt with { Available = 900m }, new PositionClosed(Venue, "p-2", "ETH")], sparing);
    }

    [Fact]
    public void Trigger_orders_are_reconciled_only_when_the_venue_lists_them()
    {
        var waiting = new TriggerOrderChanged(Venue, "t-1", "BTC", TradeSide.Long, 90000m, 1m, OrderStatus.New);
        var fresh = new TriggerOrderChanged(Venue, "t-2", "ETH", TradeSide.Short, 3000m, 2m, OrderStatus.New);
        var state = AccountState.Empty("a", Venue).Apply(waiting);

        var listed = Reconciliation.Differences(state, new AccountSnapshot(Venue, [], [], []) { TriggerOrders = [fresh] }, new HashSet<string>());
        var unlisted = Reconciliation.Differences(state, new AccountSnapshot(Venue, [], [], []), new HashSet<string>());
        var touched = Reconciliation.Differences(state, new AccountSnapshot(Venue, [], [], []) { TriggerOrders = [] }, new HashSet<string>(Reconciliation.Keys(waiting, state)));

        Assert.Equal<VenueEvent>([fresh, new TriggerOrderVanished(Venue, "t-1", "BTC")], listed);
        Assert.Empty(unlisted);
        Assert.Empty(touched);
        var after = listed.Aggregate(state, (s, e) => s.Apply(e));
        Assert.Equal(["t-2"], after.TriggerOrders.Keys);
    }

    [Fact]
    public void A_side_the_push_lacks_comes_from_the_snapshot_once_and_the_next_push_keeps_it()
    {
        var state = AccountState.Empty("a", "chainup").Apply(Order with { Side = null });

        var filled = Assert.IsType<OrderChanged>(Assert.Single(Reconciliation.Differences(state, new AccountSnapshot(Venue, [], [], [Order]), new HashSet<string>())));
        Assert.Equal(TradeSide.Long, filled.Side);
        state = state.Apply(filled);
        Assert.Empty(Reconciliation.Differences(state, new AccountSnapshot(Venue, [], [], [Order]), new HashSet<string>()));
        Assert.Equal(TradeSide.Long, state.Apply(Order with { Side = null, FilledQuantity = 1m, Status = OrderStatus.PartiallyFilled }).OpenOrders["o-1"].Side);
    }

    [Fact]
    public void Fields_only_the_push_names_survive_a_snapshot_that_lacks_them_and_fields_only_the_snapshot_names_are_added()
    {
        var pushed = Btc with { PositionMargin = 8500m, Fee = 3.1m, MarginMode = MarginMode.Isolated };
        var state = AccountState.Empty("a", Venue).Apply(pushed);
        var rest = Btc with { LiquidationPrice = 76500m, UnrealizedPnl = 12.5m, MarginMode = MarginMode.Isolated };

        var merged = Assert.IsType<PositionChanged>(Assert.Single(Reconciliation.Differences(state, new AccountSnapshot(Venue, [], [rest], []), new HashSet<string>())));

        Assert.Equal(pushed with { LiquidationPrice = 76500m, UnrealizedPnl = 12.5m }, merged);
        Assert.Empty(Reconciliation.Differences(state.Apply(merged), new AccountSnapshot(Venue, [], [rest], []), new HashSet<string>()));
    }

    [Fact]
    public void Pushes_wait_for_the_snapshot_and_win_for_the_entities_they_touched()
    {
        var actor = ActorOf(AccountStateActor.Props("r1", Venue, snapshots: _client));
        actor.Tell(new VenueEventsReceived([Usdt, Btc, Order]));
        Assert.Equal(3, StateOf(actor).SequenceNr);

        actor.Tell(new ConnectionStatusChanged(ConnectionStatus.Live));
        var pushed = Btc with { Quantity = 5m };
        actor.Tell(new VenueEventsReceived([pushed]));
        var waiting = StateOf(actor);
        Assert.Equal(ReconciliationStatus.InProgress, waiting.Reconciliation);
        Assert.Equal(Btc, waiting.Positions["p-1"]);

        // The snapshot was taken before the push: it still says 1 BTC, a new ETH position, and the order is gone.
        Answer(RestResult<AccountSnapshot>.Ok(new AccountSnapshot(Venue, [Usdt with { Available = 700m }], [Btc, Eth], [])));
        var done = AwaitState(actor, s => s.Reconciliation == ReconciliationStatus.Done);

        Assert.Equal(pushed, done.Positions["p-1"]);
        Assert.Equal(Eth, done.Positions["p-2"]);
        Assert.Empty(done.OpenOrders);
        Assert.Equal(700m, done.Assets["USDT"].Available);
        Assert.NotNull(done.ReconciledAt);
        var journal = JournalOf(AccountStateActor.PersistenceIdFor(Venue, "r1")).Events;
        Assert.Equal<object>([new ReconciliationApplied(Venue, done.ReconciledAt!.Value, 3), Usdt with { Available = 700m }, Eth, new OrderVanished(Venue, "o-1", "BTC"), pushed], journal.Skip(3));
    }

    [Fact]
    public void A_patch_of_a_position_opened_while_disconnected_merges_onto_the_snapshots_position_instead_of_hiding_it()
    {
        // ChainUP after a restart: the position was opened while no connection was up, so its first push is an UPDATE
        // the fresh decoder can only pass on as a patch, and it arrives while the snapshot is fetched.
        var actor = ActorOf(AccountStateActor.Props("r6", "chainup", snapshots: _client));
        actor.Tell(new ConnectionStatusChanged(ConnectionStatus.Live));
        var patch = new PositionPatched("chainup", "p-1", null, 4m, null, null, null);
        actor.Tell(new VenueEventsReceived([patch]));

        Answer(RestResult<AccountSnapshot>.Ok(new AccountSnapshot("chainup", [], [Btc with { Venue = "chainup" }], [])));

        var done = AwaitState(actor, s => s.Reconciliation == ReconciliationStatus.Done);
        Assert.Equal(patch.Onto(Btc with { Venue = "chainup" }), done.Positions["p-1"]);
    }

    [Fact]
    public void Past_the_buffer_limit_held_back_pushes_apply_at_once_and_the_snapshot_is_retried()
    {
        var actor = ActorOf(AccountStateActor.Props("r9", Venue, snapshots: _client, retryDelay: TimeSpan.FromSeconds(5), maxBufferedFrames: 3));
        actor.Tell(new ConnectionStatusChanged(ConnectionStatus.Live));
        for (var i = 1; i <= 3; i++)
        {
            actor.Tell(new VenueEventsReceived([Usdt with { Available = i }]));
        }
        Assert.Equal(0, StateOf(actor).SequenceNr);

        actor.Tell(new VenueEventsReceived([Btc]));

        var released = AwaitState(actor, s => s.Reconciliation == ReconciliationStatus.Failed && s.SequenceNr == 4);
        Assert.Equal(3m, released.Assets["USDT"].Available);
        Assert.Equal(Btc, released.Positions["p-1"]);
        // The fetch that was overtaken is ignored when it answers; the retry asks again.
        Answer(RestResult<AccountSnapshot>.Ok(new AccountSnapshot(Venue, [], [], [])));
        Scheduler.Advance(TimeSpan.FromSeconds(5));
        AwaitCondition(() => _client.Calls == 2, TimeSpan.FromSeconds(5));
        Answer(RestResult<AccountSnapshot>.Ok(new AccountSnapshot(Venue, [Usdt with { Available = 3m }], [Btc], [])));
        Assert.Equal(ReconciliationStatus.Done, AwaitState(actor, s => s.Reconciliation == ReconciliationStatus.Done).Reconciliation);
    }

    [Fact]
    public void Recovery_replays_the_reconciled_state()
    {
        var first = Watch(ActorOf(AccountStateActor.Props("r2", Venue, snapshots: _client)));
        first.Tell(new VenueEventsReceived([Usdt, Order]));
        first.Tell(new ConnectionStatusChanged(ConnectionStatus.Live));
        Answer(RestResult<AccountSnapshot>.Ok(new AccountSnapshot(Venue, [Usdt], [Eth], [])));
        var reconciled = AwaitState(first, s => s.Reconciliation == ReconciliationStatus.Done);
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = ActorOf(AccountStateActor.Props("r2", Venue, snapshots: _client));

        var recovered = StateOf(second);
        Assert.Equal(reconciled.Positions, recovered.Positions);
        Assert.Empty(recovered.OpenOrders);
        Assert.Equal(reconciled.ReconciledAt, recovered.ReconciledAt);
    }

    [Fact]
    public async Task A_state_asked_for_while_the_differences_are_written_is_not_called_reconciled_before_it_holds_them()
    {
        var gate = new GatedWrites();
        await Journal.OnWrite.SetInterceptorAsync(gate);
        var actor = ActorOf(AccountStateActor.Props("r5", Venue, snapshots: _client));
        actor.Tell(new VenueEventsReceived([Usdt]));
        actor.Tell(new ConnectionStatusChanged(ConnectionStatus.Live));
        // Asked while the push is held in the journal: answered after that write, which the differences' write follows.
        var asked = actor.Ask<AccountState>(new GetAccountState(), TimeSpan.FromSeconds(10));
        EventFilter.Info(contains: "reconciliation found 1 difference").ExpectOne(() =>
            Answer(RestResult<AccountSnapshot>.Ok(new AccountSnapshot(Venue, [Usdt], [Eth], []))));

        gate.Open();

        var answered = await asked;
        Assert.Equal(ReconciliationStatus.InProgress, answered.Reconciliation);
        Assert.Empty(answered.Positions);
        var done = AwaitState(actor, s => s.Reconciliation == ReconciliationStatus.Done);
        Assert.Equal(Eth, done.Positions["p-2"]);
    }

    [Fact]
    public void A_failed_snapshot_releases_the_pushes_and_is_retried_after_the_delay()
    {
        var actor = ActorOf(AccountStateActor.Props("r3", Venue, snapshots: _client, retryDelay: TimeSpan.FromSeconds(5)));
        actor.Tell(new ConnectionStatusChanged(ConnectionStatus.Live));
        actor.Tell(new VenueEventsReceived([Usdt]));
        Answer(RestResult<AccountSnapshot>.Fail(RestErrorKind.RateLimited, "CoinW code 29001"));

        var failed = AwaitState(actor, s => s.Reconciliation == ReconciliationStatus.Failed);
        Assert.Equal(Usdt, failed.Assets["USDT"]);
        Assert.Equal(1, _client.Calls);

        Scheduler.Advance(TimeSpan.FromSeconds(5));
        AwaitCondition(() => _client.Calls == 2);
        Answer(RestResult<AccountSnapshot>.Ok(new AccountSnapshot(Venue, [Usdt], [Btc], [])));
        Assert.Equal(Btc, AwaitState(actor, s => s.Reconciliation == ReconciliationStatus.Done).Positions["p-1"]);
    }

    [Fact]
    public void A_snapshot_that_arrives_after_the_connection_dropped_is_ignored()
    {
        var actor = ActorOf(AccountStateActor.Props("r4", Venue, snapshots: _client));
        actor.Tell(new ConnectionStatusChanged(ConnectionStatus.Live));
        actor.Tell(new VenueEventsReceived([Usdt]));
        actor.Tell(new ConnectionStatusChanged(ConnectionStatus.Reconnecting));
        Assert.Equal(Usdt, AwaitState(actor, s => s.Assets.ContainsKey("USDT")).Assets["USDT"]);

        Answer(RestResult<AccountSnapshot>.Ok(new AccountSnapshot(Venue, [Usdt with { Available = 1m }], [Btc], [])));

        var state = StateOf(actor);
        Assert.Equal(Usdt, state.Assets["USDT"]);
        Assert.Empty(state.Positions);
        Assert.Equal(ReconciliationStatus.Failed, state.Reconciliation);
    }

    [Fact]
    public void A_partial_position_update_merges_into_the_known_position()
    {
        var state = AccountState.Empty("a", "chainup").Apply(Btc);

        var patched = state.Apply(new PositionPatched(Venue, "p-1", null, 4m, 86000m, null, null));
        var unknown = state.Apply(new PositionPatched(Venue, "p-9", null, 4m, null, null, null));

        Assert.Equal(Btc with { Quantity = 4m, EntryPrice = 86000m }, patched.Positions["p-1"]);
        Assert.Same(state, unknown);
    }

    /// <summary>Answers the next fetch once the actor has made it.</summary>
    private void Answer(RestResult<AccountSnapshot> result)
    {
        AwaitCondition(() => _client.Calls > _client.Answers);
        _client.Answer(result);
    }

    private AccountState AwaitState(IActorRef actor, Func<AccountState, bool> condition)
    {
        AccountState? last = null;
        AwaitCondition(() => condition(last = StateOf(actor)));
        return last!;
    }

    private sealed class ManualSnapshots : ISnapshotClient
    {
        private TaskCompletionSource<RestResult<AccountSnapshot>> _pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;
        private int _answers;

        public int Calls => Volatile.Read(ref _calls);

        public int Answers => Volatile.Read(ref _answers);

        public Task<RestResult<AccountSnapshot>> FetchAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            lock (this)
            {
                return _pending.Task;
            }
        }

        public void Answer(RestResult<AccountSnapshot> result)
        {
            lock (this)
            {
                var answered = _pending;
                _pending = new TaskCompletionSource<RestResult<AccountSnapshot>>(TaskCreationOptions.RunContinuationsAsynchronously);
                Interlocked.Increment(ref _answers);
                answered.SetResult(result);
            }
        }
    }
}
