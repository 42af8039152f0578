using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

/// <summary>
/// The temporary sender of an ask: the first reply completes the task (a <see cref="Status.Failure"/> faults it,
/// a reply of the wrong type faults it with <see cref="ArgumentException"/>); later replies go to dead letters.
/// </summary>
internal sealed class FutureActorRef<T> : InternalActorRef
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem _system;
    private ActorPath? _path;

    public FutureActorRef(ActorSystem system)
    {
        _system = system;
    }

    // Built on first use: most asks never look at their temporary sender's path.
    public override ActorPath Path => _path ??= _system.TempPath();

    public Task<T> Task => _promise.Task;

    public override bool IsTerminated => _promise.Task.IsCompleted;

    internal override ActorSystem System => _system;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            ThrowHelper.ThrowNullMessage();
        }
        var completed = message switch
        {
            Status.Failure failure => _promise.TrySetException(failure.Cause),
            T reply => _promise.TrySetResult(reply),
            _ => _promise.TrySetException(new ArgumentException(
                $"Ask expected a reply of type {typeof(T).Name} but received {message.GetType().Name}: {message}")),
        };
        if (!completed)
        {
            _system.DeadLetters.Tell(message, sender);
        }
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && IsTerminated)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false));
        }
    }

    public void Fail(Exception cause) => _promise.TrySetException(cause);

    public void Cancel() => _promise.TrySetCanceled();
}
