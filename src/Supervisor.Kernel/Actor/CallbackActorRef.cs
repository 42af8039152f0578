using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

/// <summary>
/// A reference without a mailbox whose messages run a callback on the sender's thread. Used for
/// event-stream listeners, graceful-stop watchers and the root of the tree; the callbacks must be
/// thread-safe and quick.
/// </summary>
internal sealed class CallbackActorRef : InternalActorRef
{
    private readonly Action<object, IActorRef?>? _onMessage;
    private readonly Action<SystemMessage>? _onSystemMessage;
    private volatile bool _stopped;

    public CallbackActorRef(
        ActorSystem system,
        ActorPath path,
        Action<object, IActorRef?>? onMessage,
        Action<SystemMessage>? onSystemMessage = null)
    {
        System = system;
        Path = path;
        _onMessage = onMessage;
        _onSystemMessage = onSystemMessage;
    }

    public override ActorPath Path { get; }

    public override bool IsTerminated => _stopped;

    internal override ActorSystem System { get; }

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            ThrowHelper.ThrowNullMessage();
        }
        if (!_stopped)
        {
            _onMessage?.Invoke(message, sender);
        }
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Terminate:
                _stopped = true;
                break;
            case Watch watch when _stopped:
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false));
                break;
            default:
                _onSystemMessage?.Invoke(message);
                break;
        }
    }
}
