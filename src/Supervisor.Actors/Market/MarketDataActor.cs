using System.Collections.Immutable;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Actors.State;
using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.Market;

/// <summary>
/// <c>/user/accounts/market-{venue}</c>: ONE public connection per venue for the mark prices of every instrument any
/// account of that venue holds, however many accounts hold it. It follows <see cref="AccountStateChanged"/> on the
/// event stream to know which instruments are held, adds a subscription on the live connection when a new one appears
/// (the connection resubscribes the current set after every reconnect), and publishes each
/// <see cref="MarkPriceChanged"/> on the event stream, where the accounts' state actors value their positions.
/// </summary>
/// <remarks>
/// Instruments nobody holds any longer are dropped from the set, so the next (re)connect no longer asks for them; the
/// live connection is not unsubscribed (a few surplus prices cost less than churning the subscriptions).
/// The connection runs under a backoff supervisor exactly like an account's.
/// </remarks>
public sealed class MarketDataActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IMarketDataProtocol _protocol;
    private readonly AccountSettings _settings;
    private readonly Dictionary<string, ImmutableSortedSet<string>> _heldBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _holders = new(StringComparer.Ordinal);
    private IActorRef _connection = ActorRefs.Nobody;
    private ConnectionStatus _status = ConnectionStatus.Connecting;
    private int _connects;
    private long _published;

    /// <summary>Creates the venue's market-data connection; it starts in <c>PreStart</c>.</summary>
    public MarketDataActor(IMarketDataProtocol protocol, AccountSettings settings)
    {
        _protocol = protocol;
        _settings = settings;
        Receive<AccountStateChanged>(changed => changed.State.Venue == _protocol.AccountVenue, changed => OnHoldings(changed.State));
        // The event stream brings every venue's accounts; the others' are not this connection's business (and not dead letters).
        Receive<AccountStateChanged>(_ => { });
        Receive<VenueEventsReceived>(received =>
        {
            foreach (var item in received.Events)
            {
                if (item is MarkPriceChanged mark)
                {
                    _published++;
                    Context.System.EventStream.Publish(mark with { Venue = _protocol.AccountVenue });
                }
            }
        });
        Receive<ConnectionStatusChanged>(changed =>
        {
            if (changed.Status == ConnectionStatus.Connecting)
            {
                _connects++;
            }
            _status = changed.Status;
        });
        Receive<GetMarketDataStatus>(_ => Sender.Tell(
            new MarketDataStatus(_protocol.Venue, _status, [.. _protocol.Instruments.Current], Math.Max(0, _connects - 1), _published), Self));
    }

    /// <summary>Props for one venue's market data.</summary>
    public static Props Props(IMarketDataProtocol protocol, AccountSettings settings) =>
        Akka.Actor.Props.Create(() => new MarketDataActor(protocol, settings));

    /// <summary>The actor name under the root.</summary>
    public static string ActorNameFor(string venue) => "market-" + venue;

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(AccountStateChanged));
        var connection = ConnectionActor.Props(_protocol, _settings.Connection, Self);
        var options = Backoff.OnFailure(connection, "connection", _settings.MinBackoff, _settings.MaxBackoff, _settings.RandomFactor, maxNrOfRetries: -1)
            .WithAutoReset(_settings.ResetAfter)
            .WithSupervisorStrategy(new OneForOneStrategy(-1, -1, Decider.From(LogAndRestart), loggingEnabled: false));
        _connection = Context.ActorOf(BackoffSupervisor.Props(options), "connection-supervisor");
    }

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private Directive LogAndRestart(Exception cause)
    {
        _log.Warning("Market data on {Venue}: {Reason}; reconnecting after the backoff", _protocol.Venue, cause.Message);
        return Directive.Restart;
    }

    private void OnHoldings(AccountState state)
    {
        // Every change of every account passes here; most leave its instruments as they were, so check before building a set.
        var before = _heldBy.GetValueOrDefault(state.AccountId, ImmutableSortedSet<string>.Empty);
        if (SameInstruments(before, state.Positions))
        {
            return;
        }
        var held = state.Positions.Values.Select(p => p.Instrument).ToImmutableSortedSet(StringComparer.Ordinal);
        if (held.IsEmpty)
        {
            _heldBy.Remove(state.AccountId);
        }
        else
        {
            _heldBy[state.AccountId] = held;
        }
        // Holder counts per instrument, so a change costs the size of one account's positions, not of all accounts.
        foreach (var dropped in before.Except(held))
        {
            if (--_holders[dropped] == 0)
            {
                _holders.Remove(dropped);
            }
        }
        var added = new List<string>();
        foreach (var instrument in held.Except(before))
        {
            var count = _holders[instrument] = _holders.GetValueOrDefault(instrument) + 1;
            if (count == 1 && !_protocol.Instruments.Current.Contains(instrument))
            {
                added.Add(instrument);
            }
        }
        _protocol.Instruments.Replace(_holders.Keys.ToImmutableSortedSet(StringComparer.Ordinal));
        if (added.Count > 0)
        {
            _connection.Tell(new AddSubscriptions([.. added.Select(_protocol.SubscriptionFor)]), Self);
        }
    }

    // Without allocating: an account holds a handful of positions, so the nested loop is cheaper than a set.
    private static bool SameInstruments(ImmutableSortedSet<string> known, ImmutableDictionary<string, PositionChanged> positions)
    {
        foreach (var (_, position) in positions)
        {
            if (!known.Contains(position.Instrument))
            {
                return false;
            }
        }
        foreach (var instrument in known)
        {
            var held = false;
            foreach (var (_, position) in positions)
            {
                held |= position.Instrument == instrument;
            }
            if (!held)
            {
                return false;
            }
        }
        return true;
    }
}
