using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Event;

/// <summary>
/// Publish-subscribe by type: a subscriber to a type receives every published event assignable to it.
/// Subscriptions are a copy-on-write array, so publishing takes no lock; subscribers that have stopped are
/// dropped as they are found.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Subscribes <paramref name="subscriber"/> to events of <paramref name="channel"/> and its subtypes.</summary>
    /// <returns>False if it was already subscribed to that channel.</returns>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            foreach (var existing in _subscriptions)
            {
                if (ReferenceEquals(existing.Subscriber, subscriber) && existing.Channel == channel)
                {
                    return false;
                }
            }
            _subscriptions = [.. _subscriptions, new Subscription(subscriber, channel)];
            return true;
        }
    }

    /// <summary>Removes one subscription.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel) =>
        RemoveWhere(s => ReferenceEquals(s.Subscriber, subscriber) && s.Channel == channel);

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public bool Unsubscribe(IActorRef subscriber) => RemoveWhere(s => ReferenceEquals(s.Subscriber, subscriber));

    /// <summary>Whether anyone listens to events of <paramref name="eventType"/>.</summary>
    public bool HasSubscribers(Type eventType)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Channel.IsAssignableFrom(eventType))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Sends <paramref name="event"/> to every matching subscriber, with no sender.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var stale = false;
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (!subscription.Channel.IsInstanceOfType(@event))
            {
                continue;
            }
            if (subscription.Subscriber is InternalActorRef { IsTerminated: true })
            {
                stale = true;
                continue;
            }
            subscription.Subscriber.Tell(@event, ActorRefs.NoSender);
        }
        if (stale)
        {
            RemoveWhere(static s => s.Subscriber is InternalActorRef { IsTerminated: true });
        }
    }

    private bool RemoveWhere(Predicate<Subscription> match)
    {
        lock (_lock)
        {
            var kept = Array.FindAll(_subscriptions, s => !match(s));
            var removed = kept.Length != _subscriptions.Length;
            _subscriptions = kept;
            return removed;
        }
    }

    private sealed record Subscription(IActorRef Subscriber, Type Channel);
}
