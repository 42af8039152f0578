using Supervisor.Actors.Connection;
using Supervisor.Actors.Metrics;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Supervisor.Venues.Events;
using Supervisor.Venues.Rest;

namespace Supervisor.Actors.State;

/// <summary>
/// The persisted state of one account (persistence id <c>account|{venue}|{id}</c>). Applies decoded events, persists
/// only real changes (all changes of one frame in one atomic write), snapshots every <c>snapshotEvery</c> events,
/// keeps mark prices and connection status in memory, answers <see cref="GetAccountState"/> with an immutable view
/// and publishes <see cref="AccountStateChanged"/>. A journal failure stops it; its backoff supervisor restarts it and
/// it recovers from the journal.
/// </summary>
/// <remarks>
/// With a snapshot client, every time the connection goes live it reconciles: it fetches the venue's REST snapshot,
/// buffers the pushes that arrive meanwhile, persists the differences (after a <see cref="ReconciliationApplied"/>
/// marker, in one atomic write with the buffered pushes' changes) and then carries on with pushes. Entities a
/// buffered push touched keep the push's value (see <see cref="Reconciliation"/>). A failed fetch releases the buffer
/// and is retried after a delay while pushes flow.
/// </remarks>
public sealed class AccountStateActor : ReceivePersistentActor, IWithTimers
{
    /// <summary>The default of supervisor.accounts.reconcile-max-buffered-frames.</summary>
    public const int DefaultMaxBufferedFrames = 10_000;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly int _snapshotEvery;
    private readonly int _maxBufferedFrames;
    private readonly ISnapshotClient? _snapshots;
    private readonly TimeSpan _retryDelay;
    private AccountState _state;
    // What the state will be once every write handed to the journal is acknowledged: the base a new frame's changes
    // are found against, so a frame arriving while earlier ones are written neither repeats nor misses a change.
    private AccountState _expected;
    private List<VenueEventsReceived>? _buffer;
    private HashSet<string> _touched = new(StringComparer.Ordinal);
    private int _generation;
    private JournalLag _lag;
    // The newest prices of each position's ADL pushes (memory only), for ranks applied after newer prices came.
    private readonly Dictionary<string, AdlRankChanged> _rankMarkets = new(StringComparer.Ordinal);
    private readonly SupervisorMetrics _metrics;
    private readonly VenueInstruments _venueMetrics;
    // Events handed to the journal whose handler has not run: what this actor adds to the node's persist queue depth,
    // taken back if it stops with writes in flight (their handlers never run then).
    private int _inFlight;

    /// <summary>Creates the state of one account.</summary>
    public AccountStateActor(string accountId, string venue, int snapshotEvery, ISnapshotClient? snapshots = null, TimeSpan? retryDelay = null,
        int maxBufferedFrames = DefaultMaxBufferedFrames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshotEvery, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBufferedFrames, 1);
        _snapshotEvery = snapshotEvery;
        _maxBufferedFrames = maxBufferedFrames;
        _snapshots = snapshots;
        _retryDelay = retryDelay ?? TimeSpan.FromSeconds(5);
        _state = AccountState.Empty(accountId, venue);
        _expected = _state;
        _lag = new JournalLag(accountId, TimeSpan.Zero, TimeSpan.Zero, 0);
        PersistenceId = PersistenceIdFor(venue, accountId);
        _metrics = SupervisorMetrics.For(Context.System);
        _venueMetrics = _metrics.ForVenue(venue);

        Recover<SnapshotOffer>(offer => _state = ((AccountStateSnapshot)offer.Snapshot).Restore(_state) with { SequenceNr = offer.Metadata.SequenceNr });
        Recover<VenueEvent>(e => _state = _state.Apply(e) with { SequenceNr = LastSequenceNr });
        Recover<RecoveryCompleted>(_ =>
        {
            _expected = _state;
            Context.Parent.Tell(new StateRecovered(_state.AccountId, LastSequenceNr), Self);
        });

        Command<VenueEventsReceived>(OnEvents);
        Command<ConnectionStatusChanged>(OnConnectionStatus);
        Command<SnapshotFetched>(OnSnapshot);
        Command<RetryReconciliation>(retry =>
        {
            if (retry.Generation == _generation && _state.Connection == ConnectionStatus.Live)
            {
                StartReconciliation();
            }
        });
        // From the venue's shared market-data connection (MarketDataActor), for every account of the venue.
        Command<MarkPriceChanged>(mark => mark.Venue == _state.Venue, OnSharedMark);
        // Answered once the writes queued before the question are acknowledged, so the answer includes them.
        Command<GetAccountState>(query => DeferAsync(query, _ => Sender.Tell(_state, Self)));
        Command<GetJournalLag>(query => DeferAsync(query, _ => Sender.Tell(_lag, Self)));
        Command<SaveSnapshotSuccess>(success => DeleteSnapshots(new SnapshotSelectionCriteria(success.Metadata.SequenceNr - 1, DateTime.MaxValue)));
        Command<DeleteSnapshotsSuccess>(_ => { });
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The persistence id of an account.</summary>
    public static string PersistenceIdFor(string venue, string accountId) => $"account|{venue}|{accountId}";

    /// <summary>Props for an account's state; with <paramref name="snapshots"/> it reconciles after every (re)connect.</summary>
    public static Props Props(string accountId, string venue, int snapshotEvery = 500, ISnapshotClient? snapshots = null, TimeSpan? retryDelay = null,
        int maxBufferedFrames = DefaultMaxBufferedFrames) =>
        Akka.Actor.Props.Create(() => new AccountStateActor(accountId, venue, snapshotEvery, snapshots, retryDelay, maxBufferedFrames));

    /// <inheritdoc />
    protected override void PreStart()
    {
        base.PreStart();
        Context.System.EventStream.Subscribe(Self, typeof(MarkPriceChanged));
        if (_snapshots is not null)
        {
            _state = _state with { Reconciliation = ReconciliationStatus.Pending };
        }
    }

    /// <inheritdoc />
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        // Called once per event of a rejected write, whose handler never runs.
        EventsApplied(1);
        // The rejected change never happened: find the next frame's changes against what the journal holds.
        _expected = _state;
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        EventsApplied(_inFlight);
        base.PostStop();
    }

    private void OnSharedMark(MarkPriceChanged mark)
    {
        // Every account of the venue hears every mark: only those holding the instrument keep it and tell the world.
        if (!_expected.Positions.Values.Any(p => p.Instrument == mark.Instrument)
            || (_state.MarkPrices.TryGetValue(mark.Instrument, out var known) && known == mark.Price))
        {
            return;
        }
        _state = _state with { MarkPrices = _state.MarkPrices.SetItem(mark.Instrument, mark.Price) };
        Publish(_state);
    }

    private void OnConnectionStatus(ConnectionStatusChanged status)
    {
        if (status.Status == _state.Connection && status.Status == ConnectionStatus.Live)
        {
            // The account's answer to StateRecovered crossed the connection's own Live: one reconciliation is enough.
            return;
        }
        _state = _state with { Connection = status.Status };
        if (status.Status == ConnectionStatus.Live && _snapshots is not null)
        {
            StartReconciliation();
        }
        else if (status.Status != ConnectionStatus.Live && _buffer is not null)
        {
            // The connection dropped mid-fetch: what was buffered is still the newest we know; the next Live starts over.
            _generation++;
            ReleaseBuffer(ReconciliationStatus.Failed);
        }
        Publish(_state);
    }

    private void StartReconciliation()
    {
        var generation = ++_generation;
        _buffer ??= [];
        _touched = new HashSet<string>(StringComparer.Ordinal);
        _state = _state with { Reconciliation = ReconciliationStatus.InProgress };
        _snapshots!.FetchAsync(CancellationToken.None).PipeTo(Self,
            success: result => new SnapshotFetched(generation, result),
            failure: e => new SnapshotFetched(generation, RestResult<AccountSnapshot>.Fail(RestErrorKind.VenueError, e.Message)));
    }

    private void OnSnapshot(SnapshotFetched fetched)
    {
        if (fetched.Generation != _generation || _buffer is null)
        {
            return;
        }
        if (fetched.Result.Error is { } error)
        {
            _log.Warning("Account {AccountId} on {Venue}: REST snapshot failed ({Kind}: {Message}); pushes continue, retrying in {Delay}",
                _state.AccountId, _state.Venue, error.Kind, error.Message, _retryDelay);
            ReleaseBuffer(ReconciliationStatus.Failed);
            Timers.StartSingleTimer("reconcile", new RetryReconciliation(_generation), _retryDelay);
            return;
        }
        var differences = Reconciliation.Differences(_expected, fetched.Result.Value!, _touched);
        var changes = new List<VenueEvent>();
        var preview = _expected;
        if (differences.Count > 0)
        {
            changes.Add(new ReconciliationApplied(_state.Venue, Context.System.Scheduler.Now, differences.Count));
            changes.AddRange(differences);
            foreach (var change in changes)
            {
                preview = preview.Apply(change);
            }
            _log.Info("Account {AccountId} on {Venue}: reconciliation found {Count} difference(s) with the venue's snapshot",
                _state.AccountId, _state.Venue, differences.Count);
        }
        var buffered = _buffer;
        _buffer = null;
        Apply(buffered, changes, preview, ReconciliationStatus.Done);
    }

    private void ReleaseBuffer(ReconciliationStatus status)
    {
        var buffered = _buffer ?? [];
        _buffer = null;
        Apply(buffered, [], _expected, status);
    }

    private void OnEvents(VenueEventsReceived received)
    {
        if (_buffer is null)
        {
            Apply([received], [], _expected);
            return;
        }
        if (_buffer.Count >= _maxBufferedFrames)
        {
            // The snapshot is taking too long to hold pushes back any further: apply them and try again later.
            _generation++;
            ReleaseBuffer(ReconciliationStatus.Failed);
            Apply([received], [], _expected);
            Timers.StartSingleTimer("reconcile", new RetryReconciliation(_generation), _retryDelay);
            return;
        }
        _buffer.Add(received);
        foreach (var e in received.Events.OfType<VenueEvent>())
        {
            _touched.UnionWith(Reconciliation.Keys(e, _expected));
        }
    }

    /// <summary>
    /// Persists <paramref name="changes"/> (already reflected in <paramref name="preview"/>) plus the real changes of
    /// <paramref name="frames"/> in one atomic write; mark prices go to memory only. A reconciliation's
    /// <paramref name="settled"/> status shows once its write is applied, never beside the state from before it.
    /// </summary>
    private void Apply(IReadOnlyList<VenueEventsReceived> frames, List<VenueEvent> changes, AccountState preview,
        ReconciliationStatus? settled = null)
    {
        var marksMoved = false;
        foreach (var frame in frames)
        {
            foreach (var item in frame.Events)
            {
                if (item is not VenueEvent e)
                {
                    continue;
                }
                var kept = preview.Journaled(e);
                // An ADL item names its instrument through its position, which may still be on its way to the journal.
                var market = e is AdlRankChanged rank && kept is AdlRankChanged resolved ? rank with { Instrument = resolved.Instrument } : e;
                if (e is not MarkPriceChanged && preview.TryApply(kept, out var next))
                {
                    changes.Add(kept);
                    preview = next;
                }
                if (market is AdlRankChanged { MarkPrice: not null } withPrices)
                {
                    _rankMarkets[withPrices.PositionId] = withPrices;
                }
                if (market is MarkPriceChanged or AdlRankChanged { MarkPrice: not null })
                {
                    // Market prices are market data, not account history: kept in memory, never journaled.
                    _state = _state.WithMarket(market);
                    marksMoved = true;
                }
            }
        }
        var generation = _generation;
        if (changes.Count == 0)
        {
            if (settled is { } status)
            {
                _state = _state with { Reconciliation = status };
            }
            if (marksMoved || settled is not null)
            {
                Publish(_state);
            }
            return;
        }
        var last = changes[^1];
        var oldest = frames.Select(f => f.ReceivedAt).Min();
        var oldestRead = OldestRead(frames);
        // PersistAllAsync: frames that arrive while this write is in flight are not held back; their changes join the
        // actor's next write, so one journal round trip carries every frame that came meanwhile.
        _expected = preview;
        _inFlight += changes.Count;
        var started = _metrics.WriteStarted(changes.Count);
        PersistAllAsync(changes, e =>
        {
            EventsApplied(1);
            _state = _state.Apply(e) with { SequenceNr = LastSequenceNr };
            if (e is AdlRankChanged rank && _rankMarkets.TryGetValue(rank.PositionId, out var prices))
            {
                // The journaled rank carries no prices: it gets the newest ones its position was pushed with.
                _state = _state.WithMarket(prices);
            }
            else if (e is PositionClosed closed)
            {
                _rankMarkets.Remove(closed.PositionId);
            }
            if (ReferenceEquals(e, last))
            {
                // A reconnect while this write was in flight started a newer reconciliation: its status stands.
                if (settled is { } status && generation == _generation)
                {
                    _state = _state with { Reconciliation = status };
                }
                _metrics.JournalWritten(started);
                if (oldestRead != 0)
                {
                    _venueMetrics.FramePersisted(oldestRead);
                }
                if (oldest is { } received)
                {
                    var lag = Context.System.Scheduler.Now - received;
                    _lag = _lag with { Last = lag, Max = lag > _lag.Max ? lag : _lag.Max, Writes = _lag.Writes + 1 };
                }
                Publish(_state);
                if (LastSequenceNr / _snapshotEvery > (LastSequenceNr - changes.Count) / _snapshotEvery)
                {
                    SaveSnapshot(AccountStateSnapshot.Of(_state));
                }
            }
        });
    }

    private void EventsApplied(int events)
    {
        _inFlight -= events;
        _metrics.EventsApplied(events);
    }

    /// <summary>When the oldest of <paramref name="frames"/> was read off its socket (0 when none says).</summary>
    private static long OldestRead(IReadOnlyList<VenueEventsReceived> frames)
    {
        long oldest = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var read = frames[i].ReceivedTimestamp;
            if (read != 0 && (oldest == 0 || read < oldest))
            {
                oldest = read;
            }
        }
        return oldest;
    }

    private void Publish(AccountState state) => Context.System.EventStream.Publish(new AccountStateChanged(state));

    private sealed record SnapshotFetched(int Generation, RestResult<AccountSnapshot> Result);

    private sealed record RetryReconciliation(int Generation);
}
