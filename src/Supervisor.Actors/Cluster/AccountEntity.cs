using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.State;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// One account as a sharded entity: finds its definition in the registry by entity id and runs the same
/// <see cref="AccountActor"/> child as the single-node root, so state, connection and reconciliation do not change.
/// The state's persistence id comes from the definition, i.e. from the entity id only, never from the node, so an
/// account restarted on another node recovers the same history.
/// </summary>
public sealed class AccountEntity : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _entityId;
    private readonly IAccountRegistry _registry;
    private readonly AccountSettings _settings;
    private readonly Func<AccountDefinition, Props?>? _stateFor;
    private AccountDefinition? _account;
    private IActorRef? _child;
    private AccountDefinition? _replacement;
    private bool _stopping;

    /// <summary>Creates the entity <paramref name="entityId"/>; the account starts in <c>PreStart</c>.</summary>
    public AccountEntity(string entityId, IAccountRegistry registry, AccountSettings settings, Func<AccountDefinition, Props?>? stateFor)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _entityId = entityId;
        _registry = registry;
        _account = registry.Find(entityId);
        _settings = settings;
        _stateFor = stateFor;
        Receive<Terminated>(t => ReferenceEquals(t.ActorRef, _child), _ => ChildStopped());
        Receive<RefreshAccount>(_ => Refresh());
        Receive<StopAccount>(_ => StopAfterWrites());
        Receive<JournalLag>(_ => _stopping, _ => Context.Stop(Self));
        Receive<Status.Failure>(_ => _stopping, _ => Context.Stop(Self));
        Receive<FlushTimedOut>(_ => Context.Stop(Self));
        ReceiveAny(message =>
        {
            if (_child is null)
            {
                Sender.Tell(new Status.Failure(new KeyNotFoundException($"No account {_entityId} is registered.")), Self);
                return;
            }
            _child.Forward(message);
        });
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the entity <paramref name="entityId"/>.</summary>
    public static Props Props(string entityId, IAccountRegistry registry, AccountSettings settings, Func<AccountDefinition, Props?>? stateFor) =>
        Akka.Actor.Props.Create(() => new AccountEntity(entityId, registry, settings, stateFor));

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_account is null)
        {
            Passivate("is not in the registry");
            return;
        }
        StartAccount(_account);
    }

    /// <summary>As under the root: an account that fails more than 10 times a minute is stopped rather than restarted forever.</summary>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), Akka.Actor.SupervisorStrategy.DefaultDecider);

    private void StartAccount(AccountDefinition account)
    {
        _account = account;
        _child = Context.Watch(Context.ActorOf(AccountActor.Props(account, _settings, _stateFor?.Invoke(account)), account.ActorName));
    }

    private void Refresh()
    {
        var current = _registry.Find(_entityId);
        if (current is null)
        {
            Passivate("was removed from the registry");
        }
        else if (_child is null)
        {
            StartAccount(current);
        }
        else if (_replacement is not null)
        {
            // The old child is stopping already: start what the registry holds now, even if that is the definition it
            // ran (a change reverted before the stop completed), never the one an earlier refresh saw.
            _replacement = current;
        }
        else if (current.Fingerprint != _account?.Fingerprint)
        {
            // Its actor name is free only once the old one has stopped: the new definition starts on Terminated.
            _log.Info("Account entity {EntityId}: its definition changed; restarting it", _entityId);
            _replacement = current;
            Context.Stop(_child);
        }
    }

    // Removed (or never registered): passivating also drops it from the remembered entities, so it is not started again
    // on every node start or failover.
    private void Passivate(string why)
    {
        _log.Warning("Account entity {EntityId} {Why}; stopping it", _entityId, why);
        _replacement = null;
        if (_child is not null)
        {
            Context.Unwatch(_child);
            Context.Stop(_child);
            _child = null;
        }
        Context.Parent.Tell(new Passivate(PoisonPill.Instance), Self);
    }

    private void StopAfterWrites()
    {
        if (_child is null || _stopping)
        {
            Context.Stop(Self);
            return;
        }
        // The state actor answers GetJournalLag after every write queued before it is acknowledged (DeferAsync).
        _stopping = true;
        _child.Tell(new GetJournalLag(), Self);
        Timers.StartSingleTimer(nameof(FlushTimedOut), new FlushTimedOut(), FlushTimeout);
    }

    private void ChildStopped()
    {
        _child = null;
        if (_stopping)
        {
            Context.Stop(Self);
        }
        else if (_replacement is { } next)
        {
            _replacement = null;
            StartAccount(next);
        }
        else
        {
            // The account kept failing (see SupervisorStrategy). Stopping without passivating lets the shard start
            // the remembered entity again after entity-restart-backoff, instead of losing the account for good.
            _log.Error("Account entity {EntityId} stopped after repeated failures; the shard restarts it after its backoff", _entityId);
            Context.Stop(Self);
        }
    }

    private sealed record FlushTimedOut;
}
