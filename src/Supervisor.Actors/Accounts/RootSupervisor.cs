using Supervisor.Actors.Market;
using Akka.Actor;
using Akka.Event;

namespace Supervisor.Actors.Accounts;

/// <summary>
/// <c>/user/supervisor</c>: one <see cref="AccountActor"/> per account, added and removed at run time, and one
/// <see cref="MarketDataActor"/> per venue with a public market-data protocol. One-for-one, so an account's failure
/// never touches another; an account that keeps failing (more than 10 restarts a minute) is stopped and reported
/// rather than restarted forever.
/// </summary>
public sealed class RootSupervisor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly AccountSettings _settings;
    private readonly Func<AccountDefinition, Props?>? _stateFor;
    private readonly Dictionary<string, IActorRef> _accounts = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _markets = [];
    private readonly List<IMarketDataProtocol> _idleMarkets;
    private readonly Dictionary<IActorRef, (AccountDefinition Account, IActorRef Requester)> _replacing = [];

    /// <summary>
    /// Starts with <paramref name="accounts"/>; <paramref name="stateFor"/> gives each account's state actor (none if
    /// null); <paramref name="markets"/> are the venues' shared market-data connections, each started when the first
    /// account of its venue is (at start or added later), so a venue without accounts costs no connection.
    /// </summary>
    public RootSupervisor(IEnumerable<AccountDefinition> accounts, AccountSettings settings, Func<AccountDefinition, Props?>? stateFor = null,
        IEnumerable<IMarketDataProtocol>? markets = null)
    {
        _settings = settings;
        _stateFor = stateFor;
        _idleMarkets = [.. markets ?? []];
        foreach (var account in accounts)
        {
            TryAdd(account, out _);
        }
        Receive<AddAccount>(add => Sender.Tell(TryAdd(add.Account, out var reason)
            ? new AccountAdded(add.Account.Venue, add.Account.Id)
            : new AccountRejected(add.Account.Venue, add.Account.Id, reason!), Self));
        Receive<RemoveAccount>(remove =>
        {
            var name = AccountDefinition.ActorNameFor(remove.Venue, remove.AccountId);
            var existed = _accounts.Remove(name, out var account);
            if (account is not null)
            {
                Context.Stop(account);
            }
            Sender.Tell(new AccountRemoved(remove.Venue, remove.AccountId, existed), Self);
        });
        Receive<ReplaceAccount>(replace =>
        {
            if (!_accounts.Remove(replace.Account.ActorName, out var old))
            {
                Sender.Tell(TryAdd(replace.Account, out var reason)
                    ? new AccountAdded(replace.Account.Venue, replace.Account.Id)
                    : new AccountRejected(replace.Account.Venue, replace.Account.Id, reason!), Self);
                return;
            }
            // Its name is free only once it has stopped: the new one starts on its Terminated.
            _replacing[old] = (replace.Account, Sender);
            Context.Stop(old);
        });
        Receive<ForAccount>(envelope =>
        {
            if (_accounts.TryGetValue(AccountDefinition.ActorNameFor(envelope.Venue, envelope.AccountId), out var account))
            {
                account.Forward(envelope.Message);
            }
            else
            {
                Sender.Tell(new Status.Failure(new KeyNotFoundException($"No account {envelope.AccountId} on {envelope.Venue} is supervised.")), Self);
            }
        });
        Receive<GetAccountStatuses>(_ =>
        {
            // An account stopped by a removal or replacement while being asked never answers: it is left out, and the
            // others are still reported (one missing answer must not cost the whole report).
            var asks = _accounts.Values.Select(a => a.Ask<AccountStatus>(new GetAccountStatus(), TimeSpan.FromSeconds(5))
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default)).ToList();
            Task.WhenAll(asks).PipeTo(Sender, Self, statuses =>
                AccountStatuses.Ordered(statuses));
        });
        Receive<GetMarketDataStatus>(query =>
        {
            var asks = _markets.Select(m => m.Ask<MarketDataStatus>(query, TimeSpan.FromSeconds(5))).ToList();
            Task.WhenAll(asks).PipeTo(Sender, Self, statuses => new MarketDataStatuses(statuses));
        });
        Receive<Terminated>(t =>
        {
            if (_replacing.Remove(t.ActorRef, out var replacement))
            {
                var (account, requester) = replacement;
                requester.Tell(TryAdd(account, out var reason)
                    ? new AccountReplaced(account.Venue, account.Id)
                    : new AccountRejected(account.Venue, account.Id, reason!), Self);
                return;
            }
            foreach (var (name, actor) in _accounts)
            {
                if (ReferenceEquals(actor, t.ActorRef))
                {
                    _accounts.Remove(name);
                    _log.Error("Account {Account} stopped after repeated failures; other accounts are unaffected", name);
                    break;
                }
            }
        });
    }

    /// <summary>Props for the root.</summary>
    public static Props Props(IEnumerable<AccountDefinition> accounts, AccountSettings settings, Func<AccountDefinition, Props?>? stateFor = null,
        IEnumerable<IMarketDataProtocol>? markets = null) =>
        Akka.Actor.Props.Create(() => new RootSupervisor(accounts, settings, stateFor, markets));

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), Akka.Actor.SupervisorStrategy.DefaultDecider);

    private void StartMarketDataFor(string venue)
    {
        var market = _idleMarkets.Find(m => m.AccountVenue == venue);
        if (market is not null)
        {
            _idleMarkets.Remove(market);
            _markets.Add(Context.ActorOf(MarketDataActor.Props(market, _settings), MarketDataActor.ActorNameFor(market.Venue)));
        }
    }

    private bool TryAdd(AccountDefinition account, out string? reason)
    {
        if (_accounts.ContainsKey(account.ActorName))
        {
            reason = $"account {account.Id} on {account.Venue} is already supervised";
            return false;
        }
        try
        {
            var actor = Context.ActorOf(AccountActor.Props(account, _settings, _stateFor?.Invoke(account)), account.ActorName);
            _accounts[account.ActorName] = Context.Watch(actor);
            StartMarketDataFor(account.Venue);
            reason = null;
            return true;
        }
        catch (InvalidActorNameException error)
        {
            reason = error.Message;
            return false;
        }
    }
}
