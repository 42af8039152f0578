using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Persistence;

/// <summary>
/// Caps recoveries running at once (a restart storm of thousands of accounts must not replay all at once);
/// waiting actors are granted a permit in request order. Permits are keyed by actor instance, not reference,
/// so a grant that reaches a restarted actor's new instance cannot be confused with its predecessor's.
/// </summary>
internal sealed class RecoveryPermitter
{
    private readonly Func<int> _maxPermits;
    private readonly Lock _lock = new();
    private readonly LinkedList<(long Instance, IActorRef Actor)> _waiting = new();
    private readonly HashSet<long> _holders = [];

    public RecoveryPermitter(Func<int> maxPermits)
    {
        _maxPermits = maxPermits;
    }

    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return _holders.Count;
            }
        }
    }

    /// <summary>Tells <see cref="RecoveryPermitGranted"/> to <paramref name="actor"/> now or when a permit frees up.</summary>
    public void Request(long instance, IActorRef actor)
    {
        lock (_lock)
        {
            if (_holders.Count >= _maxPermits())
            {
                _waiting.AddLast((instance, actor));
                return;
            }
            _holders.Add(instance);
        }
        actor.Tell(new RecoveryPermitGranted(instance), ActorRefs.NoSender);
    }

    /// <summary>Returns the permit of <paramref name="instance"/>, or takes it out of the queue.</summary>
    public void Return(long instance)
    {
        (long Instance, IActorRef Actor)? next = null;
        lock (_lock)
        {
            if (!_holders.Remove(instance))
            {
                for (var node = _waiting.First; node is not null; node = node.Next)
                {
                    if (node.Value.Instance == instance)
                    {
                        _waiting.Remove(node);
                        break;
                    }
                }
                return;
            }
            if (_waiting.First is { } first)
            {
                _waiting.RemoveFirst();
                next = first.Value;
                _holders.Add(first.Value.Instance);
            }
        }
        if (next is { } granted)
        {
            granted.Actor.Tell(new RecoveryPermitGranted(granted.Instance), ActorRefs.NoSender);
        }
    }
}
