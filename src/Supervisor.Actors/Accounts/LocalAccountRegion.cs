using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace Supervisor.Actors.Accounts;

/// <summary>
/// The single node's stand-in for the account shard region: one child per entity, routed by the same
/// <see cref="IMessageExtractor"/> the cluster's region uses, so a single node and a cluster run the same
/// <see cref="Cluster.AccountEntity"/> under the same protocol (<see cref="Cluster.NodeAccounts"/> talks to either).
/// What it keeps of a shard region: a message for an entity that does not run starts it, as does
/// <see cref="ShardRegion.StartEntity"/>; <see cref="Passivate"/> stops one for good (messages meanwhile are held and start
/// it again); an entity that stops by itself (its account kept failing) is started again after
/// <c>restartBackoff</c>, as remembered entities are; <see cref="GetShardRegionState"/> lists the entities; and
/// <see cref="GracefulShutdown"/> stops every entity with the hand-off stop message, then the region.
/// </summary>
public sealed class LocalAccountRegion : ReceiveActor, IWithTimers
{
    /// <summary>How long an entity that stopped by itself waits before it is started again, as sharding's entity-restart-backoff.</summary>
    public static readonly TimeSpan DefaultRestartBackoff = TimeSpan.FromSeconds(10);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IMessageExtractor _extractor;
    private readonly Func<string, Props> _entityProps;
    private readonly object _stopMessage;
    private readonly TimeSpan _restartBackoff;
    private readonly Dictionary<string, IActorRef> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _ids = [];
    // Entities asked to passivate, with what arrived for them since: it starts them again once they have stopped.
    private readonly Dictionary<string, List<(object Message, IActorRef Sender)>> _passivating = new(StringComparer.Ordinal);
    private bool _shuttingDown;

    /// <summary>Routes with <paramref name="extractor"/> to entities made by <paramref name="entityProps"/> (given the entity id).</summary>
    /// <param name="extractor">The message extractor the cluster's region uses too.</param>
    /// <param name="entityProps">The props of an entity, from its id.</param>
    /// <param name="stopMessage">What an entity is sent on <see cref="GracefulShutdown"/>, as the region's hand-off stop message.</param>
    /// <param name="restartBackoff">How long an entity that stopped by itself waits to start again (null: <see cref="DefaultRestartBackoff"/>).</param>
    public LocalAccountRegion(IMessageExtractor extractor, Func<string, Props> entityProps, object stopMessage, TimeSpan? restartBackoff = null)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(entityProps);
        ArgumentNullException.ThrowIfNull(stopMessage);
        _extractor = extractor;
        _entityProps = entityProps;
        _stopMessage = stopMessage;
        _restartBackoff = restartBackoff ?? DefaultRestartBackoff;
        Receive<ShardRegion.StartEntity>(start =>
        {
            // Sharding acknowledges with an internal type; the keeper, the one sender, waits for no acknowledgement.
            if (!_shuttingDown)
            {
                EntityFor(start.EntityId);
            }
        });
        Receive<RestartEntity>(restart =>
        {
            if (!_shuttingDown)
            {
                EntityFor(restart.EntityId);
            }
        });
        Receive<Passivate>(passivate => Passivating(passivate));
        Receive<GetShardRegionState>(_ => Sender.Tell(RegionState(), Self));
        Receive<GracefulShutdown>(_ => ShutDown());
        Receive<Terminated>(t => EntityStopped(t.ActorRef));
        ReceiveAny(Deliver);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the region.</summary>
    public static Props Props(IMessageExtractor extractor, Func<string, Props> entityProps, object stopMessage, TimeSpan? restartBackoff = null) =>
        Akka.Actor.Props.Create(() => new LocalAccountRegion(extractor, entityProps, stopMessage, restartBackoff));

    // An entity id is any string; escaping it keeps every one a valid actor name (and '|' readable as %7C in paths).
    private static string ChildNameOf(string entityId) => Uri.EscapeDataString(entityId);

    private void Deliver(object message)
    {
        if (_extractor.EntityId(message) is not { Length: > 0 } id)
        {
            Unhandled(message);
            return;
        }
        var payload = _extractor.EntityMessage(message) ?? message;
        if (_passivating.TryGetValue(id, out var held))
        {
            held.Add((payload, Sender));
            return;
        }
        if (_shuttingDown && !_entities.ContainsKey(id))
        {
            // As a region shutting down: nothing new starts, the sender gets dead letters.
            Context.System.DeadLetters.Tell(payload, Sender);
            return;
        }
        EntityFor(id).Forward(payload);
    }

    private IActorRef EntityFor(string id)
    {
        if (_entities.TryGetValue(id, out var entity))
        {
            return entity;
        }
        entity = Context.Watch(Context.ActorOf(_entityProps(id), ChildNameOf(id)));
        _entities[id] = entity;
        _ids[entity] = id;
        return entity;
    }

    private void Passivating(Passivate passivate)
    {
        if (!_ids.TryGetValue(Sender, out var id) || _passivating.ContainsKey(id))
        {
            return;
        }
        _passivating[id] = [];
        Sender.Tell(passivate.StopMessage, Self);
    }

    private void EntityStopped(IActorRef entity)
    {
        if (!_ids.Remove(entity, out var id))
        {
            return;
        }
        _entities.Remove(id);
        if (_shuttingDown)
        {
            if (_entities.Count == 0)
            {
                Context.Stop(Self);
            }
        }
        else if (_passivating.Remove(id, out var held))
        {
            if (held.Count > 0)
            {
                var restarted = EntityFor(id);
                foreach (var (message, sender) in held)
                {
                    restarted.Tell(message, sender);
                }
            }
        }
        else
        {
            _log.Warning("Account entity {EntityId} stopped by itself; starting it again in {Backoff}", id, _restartBackoff);
            Timers.StartSingleTimer("restart-" + id, new RestartEntity(id), _restartBackoff);
        }
    }

    private void ShutDown()
    {
        _shuttingDown = true;
        if (_entities.Count == 0)
        {
            Context.Stop(Self);
            return;
        }
        foreach (var (id, entity) in _entities)
        {
            // One already passivating has been sent its stop message.
            if (!_passivating.ContainsKey(id))
            {
                entity.Tell(_stopMessage, Self);
            }
        }
    }

    private CurrentShardRegionState RegionState() =>
        new(_entities.Keys.GroupBy(id => _extractor.ShardId(id, null), StringComparer.Ordinal)
            .Select(shard => new ShardState(shard.Key, shard.ToImmutableHashSet(StringComparer.Ordinal)))
            .ToImmutableHashSet(), ImmutableHashSet<string>.Empty);

    private sealed record RestartEntity(string EntityId);
}
