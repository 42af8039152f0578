using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Supervisor.Actors.Accounts;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// One account as a sharded entity: finds its definition in the registry by entity id and runs the same
/// <see cref="AccountActor"/> child as the single-node root, so state, connection and reconciliation do not change.
/// The state's persistence id comes from the definition, i.e. from the entity id only, never from the node, so an
/// account restarted on another node recovers the same history.
/// </summary>
public sealed class AccountEntity : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _entityId;
    private readonly AccountDefinition? _account;
    private readonly AccountSettings _settings;
    private readonly Func<AccountDefinition, Props?>? _stateFor;
    private IActorRef? _child;

    /// <summary>Creates the entity <paramref name="entityId"/>; the account starts in <c>PreStart</c>.</summary>
    public AccountEntity(string entityId, IAccountRegistry registry, AccountSettings settings, Func<AccountDefinition, Props?>? stateFor)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _entityId = entityId;
        _account = registry.Find(entityId);
        _settings = settings;
        _stateFor = stateFor;
        Receive<Terminated>(t => ReferenceEquals(t.ActorRef, _child), _ =>
        {
            // The account kept failing (see SupervisorStrategy). Stopping without passivating lets the shard start
            // the remembered entity again after entity-restart-backoff, instead of losing the account for good.
            _log.Error("Account entity {EntityId} stopped after repeated failures; the shard restarts it after its backoff", _entityId);
            Context.Stop(Self);
        });
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

    /// <summary>Props for the entity <paramref name="entityId"/>.</summary>
    public static Props Props(string entityId, IAccountRegistry registry, AccountSettings settings, Func<AccountDefinition, Props?>? stateFor) =>
        Akka.Actor.Props.Create(() => new AccountEntity(entityId, registry, settings, stateFor));

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_account is null)
        {
            // Removed from the registry (or never in it): passivating also drops it from the remembered entities,
            // so it is not started again on every node start or failover.
            _log.Warning("Account entity {EntityId} is not in the registry; passivating it", _entityId);
            Context.Parent.Tell(new Passivate(PoisonPill.Instance), Self);
            return;
        }
        _child = Context.Watch(Context.ActorOf(AccountActor.Props(_account, _settings, _stateFor?.Invoke(_account)), _account.ActorName));
    }

    /// <summary>As under the root: an account that fails more than 10 times a minute is stopped rather than restarted forever.</summary>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), Akka.Actor.SupervisorStrategy.DefaultDecider);
}
