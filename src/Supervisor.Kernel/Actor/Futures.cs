namespace Supervisor.Kernel.Actor;

/// <summary>Request-response with actors.</summary>
public static class Futures
{
    /// <summary>Sends <paramref name="message"/> and waits for a reply of type <typeparamref name="T"/>.</summary>
    /// <param name="receiver">The actor asked.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">Null for <see cref="ActorSystemSetup.AskTimeout"/>. Measured on the system's scheduler, so virtual time applies.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="AskTimeoutException">No reply in time.</exception>
    public static Task<T> Ask<T>(this ICanTell receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var system = (receiver as InternalActorRef)?.System
            ?? throw new ArgumentException($"Cannot ask {receiver}: it belongs to no actor system.", nameof(receiver));
        var future = new FutureActorRef<T>(system);
        var effective = timeout ?? system.Settings.AskTimeout;
        ICancelable? timer = null;
        if (effective is { } limit && limit != Timeout.InfiniteTimeSpan)
        {
            timer = system.Scheduler.ScheduleOnce(limit, () => future.Fail(
                new AskTimeoutException($"Ask timed out on {receiver} after {limit.TotalMilliseconds} ms waiting for {typeof(T).Name} (request: {message.GetType().Name}).")));
        }
        var registration = cancellationToken.CanBeCanceled ? cancellationToken.Register(static f => ((FutureActorRef<T>)f!).Cancel(), future) : default;
        receiver.Tell(message, future);
        if (timer is not null || cancellationToken.CanBeCanceled)
        {
            future.Task.ContinueWith(
                static (_, state) =>
                {
                    var (t, r) = ((ICancelable?, CancellationTokenRegistration))state!;
                    t?.Cancel();
                    r.Dispose();
                },
                (timer, registration),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        return future.Task;
    }

    /// <summary>Sends <paramref name="message"/> and waits for any reply.</summary>
    public static Task<object> Ask(this ICanTell receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        receiver.Ask<object>(message, timeout, cancellationToken);
}
