using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

/// <summary>Stopping with confirmation.</summary>
public static class GracefulStopSupport
{
    /// <summary>
    /// Sends <paramref name="stopMessage"/> (by default <see cref="PoisonPill"/>, so queued messages are handled
    /// first) and completes with true once the actor has stopped, or false if it has not stopped within
    /// <paramref name="timeout"/> (Akka faults the task instead; a boolean is easier to act on).
    /// </summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not InternalActorRef internalTarget || internalTarget.System is not { } system)
        {
            return Task.FromResult(true);
        }
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = new CallbackActorRef(system, system.TempPath(), onMessage: null, onSystemMessage: message =>
        {
            if (message is DeathWatchNotification)
            {
                done.TrySetResult(true);
            }
        });
        var timer = system.Scheduler.ScheduleOnce(timeout, () => done.TrySetResult(false));
        internalTarget.SendSystemMessage(new Watch(internalTarget, watcher));
        target.Tell(stopMessage ?? PoisonPill.Instance, ActorRefs.NoSender);
        return done.Task.ContinueWith(
            static (t, state) =>
            {
                ((ICancelable)state!).Cancel();
                return t.Result;
            },
            timer,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
