using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

internal sealed partial class ActorCell
{
    // Who this actor watches, with the WatchWith message (null for a plain Terminated).
    private Dictionary<IActorRef, object?>? _watching;

    // Terminated messages queued in the user mailbox and still wanted; Unwatch removes the entry so the
    // queued message is dropped on arrival.
    private Dictionary<IActorRef, object?>? _terminatedQueued;

    // Who watches this actor.
    private HashSet<InternalActorRef>? _watchedBy;

    public IActorRef Watch(IActorRef subject) => WatchInternal(subject, customMessage: null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchInternal(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching is not null && _watching.Remove(subject) && subject is InternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, SelfRef));
        }
        _terminatedQueued?.Remove(subject);
        return subject;
    }

    private IActorRef WatchInternal(IActorRef subject, object? customMessage)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, SelfRef) || subject is not InternalActorRef target)
        {
            return subject;
        }
        _watching ??= new Dictionary<IActorRef, object?>(ReferenceEqualityComparer.Instance);
        var alreadyWatching = _watching.ContainsKey(subject);
        _watching[subject] = customMessage;
        if (!alreadyWatching)
        {
            target.SendSystemMessage(new Watch(target, SelfRef));
        }
        return subject;
    }

    private void AddWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (!ReferenceEquals(watchee, SelfRef) || ReferenceEquals(watcher, SelfRef))
        {
            return;
        }
        _watchedBy ??= new HashSet<InternalActorRef>(ReferenceEqualityComparer.Instance);
        _watchedBy.Add(watcher);
    }

    private void RemoveWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (ReferenceEquals(watchee, SelfRef))
        {
            _watchedBy?.Remove(watcher);
        }
    }

    /// <summary>A watched actor or a child stopped.</summary>
    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var actor = notification.Actor;
        if (_watching is not null && _watching.Remove(actor, out var customMessage) && _state < CellState.Terminating)
        {
            _terminatedQueued ??= new Dictionary<IActorRef, object?>(ReferenceEqualityComparer.Instance);
            _terminatedQueued[actor] = customMessage;
            // Queued behind the messages already in the mailbox, as Akka does; the sender is the dead actor.
            SelfRef.Tell(new Terminated(actor, notification.ExistenceConfirmed, AddressTerminated: false), actor);
        }
        if (RemoveChild(actor))
        {
            ChildTerminated();
        }
    }

    private void ChildTerminated()
    {
        switch (_state)
        {
            case CellState.Terminating when !HasChildren:
                FinishTerminate();
                break;
            case CellState.WaitingForChildrenToRestart when !HasStoppingChildren():
                FinishRecreate(_restartCause!);
                break;
        }
    }

    private void ReceivedTerminated(Terminated terminated)
    {
        if (_terminatedQueued is null || !_terminatedQueued.Remove(terminated.ActorRef, out var customMessage))
        {
            return;
        }
        var message = customMessage ?? terminated;
        ReceiveMessage(message);
        AfterUserMessage(message);
    }

    private void NotifyWatchersAndParent()
    {
        var notification = new DeathWatchNotification(SelfRef, ExistenceConfirmed: true);
        var parentNotified = false;
        if (_watchedBy is not null)
        {
            foreach (var watcher in _watchedBy)
            {
                watcher.SendSystemMessage(notification);
                parentNotified |= ReferenceEquals(watcher, _parent);
            }
            _watchedBy = null;
        }
        if (!parentNotified)
        {
            _parent.SendSystemMessage(notification);
        }
        if (_watching is not null)
        {
            foreach (var watched in _watching.Keys)
            {
                if (watched is InternalActorRef target)
                {
                    target.SendSystemMessage(new Unwatch(target, SelfRef));
                }
            }
            _watching = null;
        }
        _terminatedQueued = null;
    }
}
