using Supervisor.Actors.Connection;
using Supervisor.Actors.Metrics;
using Akka.Actor;
using Akka.Event;
using Akka.Pattern;

namespace Supervisor.Actors.Accounts;

/// <summary>
/// Guardian of one account. Its connection runs under a backoff supervisor (reconnect after 1 s … 60 s with
/// jitter, reset after a stable period); rejected credentials stop the connection instead, the account is marked
/// AuthFailed and retried on a long delay. It tracks the connection's status for queries and hands decoded events
/// and status changes on to the account's state actor (created from <c>stateProps</c> under a backoff supervisor that
/// re-creates it when a journal failure stops it), which also answers <see cref="State.GetAccountState"/>.
/// </summary>
public sealed class AccountActor : ReceiveActor, IWithTimers
{
    private const string AuthRetryKey = "auth-retry";
    private readonly AccountDefinition _account;
    private readonly AccountSettings _settings;
    private readonly Props? _stateProps;
    private IActorRef? _state;
    private IActorRef? _connection;
    private ConnectionStatus _status = ConnectionStatus.Connecting;
    private int _connects;
    private int _authFailures;
    private string? _lastProblem;
    private DateTimeOffset? _lastEventAt;
    private long _eventCount;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly VenueInstruments _metrics;
    private IActorRef _self = ActorRefs.Nobody;

    /// <summary>Creates the account; the connection starts in <c>PreStart</c>.</summary>
    public AccountActor(AccountDefinition account, AccountSettings settings, Props? stateProps)
    {
        _account = account;
        _settings = settings;
        _stateProps = stateProps;
        _metrics = SupervisorMetrics.For(Context.System).ForVenue(account.Venue);
        Receive<ConnectionStatusChanged>(changed =>
        {
            OnStatus(changed);
            _state?.Tell(changed, Self);
        });
        Receive<VenueEventsReceived>(received =>
        {
            _lastEventAt = Context.System.Scheduler.Now;
            _eventCount += received.Events.Count;
            _state?.Tell(received, Self);
        });
        Receive<State.GetAccountState>(ForwardToState);
        Receive<State.GetJournalLag>(ForwardToState);
        // The sender is the state's backoff supervisor, which hands the answer to the state actor it just re-created.
        Receive<State.StateRecovered>(_ => Sender.Tell(new ConnectionStatusChanged(_status), Self));
        Receive<Terminated>(t => ReferenceEquals(t.ActorRef, _connection), _ => ConnectionGaveUp());
        Receive<RetryAfterAuthFailure>(_ => StartConnection());
        Receive<ConnectionFailed>(failed => _lastProblem = failed.Reason);
        Receive<GetAccountStatus>(_ => Sender.Tell(Status(), Self));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for an account.</summary>
    public static Props Props(AccountDefinition account, AccountSettings settings, Props? stateProps = null) =>
        Akka.Actor.Props.Create(() => new AccountActor(account, settings, stateProps));

    /// <inheritdoc />
    protected override void PreStart()
    {
        _self = Self;
        _metrics.AccountStatusChanged(null, _status);
        if (_stateProps is not null)
        {
            // OnStop: a persistent actor stops itself when the journal fails; it comes back after the delay and recovers.
            var options = Backoff.OnStop(_stateProps, "state", _settings.MinBackoff, _settings.MaxBackoff, _settings.RandomFactor, maxNrOfRetries: -1);
            _state = Context.ActorOf(BackoffSupervisor.Props(options), "state-supervisor");
        }
        StartConnection();
    }

    /// <inheritdoc />
    protected override void PostStop() =>
        // Also on a restart (the new instance counts itself again in PreStart), so the table never counts an account twice.
        _metrics.AccountStatusChanged(_status, null);

    private void StartConnection()
    {
        var connection = ConnectionActor.Props(_account.Protocol, _settings.Connection, Self);
        var options = Backoff.OnFailure(connection, "connection", _settings.MinBackoff, _settings.MaxBackoff, _settings.RandomFactor, maxNrOfRetries: -1)
            .WithAutoReset(_settings.ResetAfter)
            .WithSupervisorStrategy(new OneForOneStrategy(-1, -1, Decider.From(DecideConnectionFailure), loggingEnabled: false));
        _connection = Context.Watch(Context.ActorOf(BackoffSupervisor.Props(options), "connection-supervisor"));
    }

    // Runs in the backoff supervisor. Lost sockets, missed pongs and refused subscriptions are operations, not bugs:
    // one line each. Anything else is a bug and keeps its stack trace. Rejected credentials are logged on AuthFailed.
    // The reason reaches this actor as a message: the decider runs on the supervisor's turn, not this actor's.
    private Directive DecideConnectionFailure(Exception cause)
    {
        // Thread-safe: the counter may be added to from the supervisor's turn.
        _metrics.Reconnecting(ReconnectReasons.Of(cause));
        if (cause is not AuthenticationRejectedException)
        {
            _self.Tell(new ConnectionFailed(cause.Message), ActorRefs.NoSender);
        }
        switch (cause)
        {
            case AuthenticationRejectedException:
                return Directive.Stop;
            case ConnectionLostException or HeartbeatTimeoutException or SubscriptionRejectedException:
                _log.Warning("Account {AccountId} on {Venue}: {Reason}; reconnecting after the backoff", _account.Id, _account.Venue, cause.Message);
                return Directive.Restart;
            default:
                _log.Error(cause, "Account {AccountId} on {Venue}: the connection failed unexpectedly; reconnecting after the backoff", _account.Id, _account.Venue);
                return Directive.Restart;
        }
    }

    private void ForwardToState(object query)
    {
        if (_state is null)
        {
            Sender.Tell(new Status.Failure(new InvalidOperationException($"Account {_account.Id} keeps no state.")), Self);
            return;
        }
        _state.Forward(query);
    }

    private void OnStatus(ConnectionStatusChanged changed)
    {
        switch (changed.Status)
        {
            case ConnectionStatus.Connecting:
                _connects++;
                break;
            case ConnectionStatus.AuthFailed:
                _authFailures++;
                _lastProblem = changed.Detail;
                // Logged once per attempt, with the venue's reason only: credentials never reach a log.
                _log.Warning("Account {AccountId} on {Venue}: credentials rejected ({Reason}); retrying in {Delay}",
                    _account.Id, _account.Venue, changed.Detail, _settings.AuthRetry);
                break;
        }
        // A rejected account stays AuthFailed until a new attempt starts, whatever its old connection reports on the way down.
        if (_status != ConnectionStatus.AuthFailed || changed.Status == ConnectionStatus.Connecting)
        {
            SetStatus(changed.Status);
        }
    }

    private void ConnectionGaveUp()
    {
        _connection = null;
        if (_status == ConnectionStatus.AuthFailed)
        {
            Timers.StartSingleTimer(AuthRetryKey, new RetryAfterAuthFailure(), _settings.AuthRetry);
            return;
        }
        // The backoff supervisor stopped for another reason (its child stopped itself): start over after the longest delay.
        _lastProblem = "connection stopped";
        SetStatus(ConnectionStatus.Reconnecting);
        Timers.StartSingleTimer(AuthRetryKey, new RetryAfterAuthFailure(), _settings.MaxBackoff);
    }

    private void SetStatus(ConnectionStatus status)
    {
        _metrics.AccountStatusChanged(_status, status);
        _status = status;
    }

    private AccountStatus Status() =>
        new(_account.Id, _account.Venue, _status, Math.Max(0, _connects - 1), _authFailures, _lastProblem, _lastEventAt, _eventCount);

    private sealed record RetryAfterAuthFailure;

    private sealed record ConnectionFailed(string Reason);
}
