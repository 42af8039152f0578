namespace Supervisor.Kernel.Actor;

/// <summary>Sending a task's outcome to an actor, the non-blocking way to use async results in actors.</summary>
public static class PipeToSupport
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> its result (mapped by
    /// <paramref name="success"/>) or a <see cref="Status.Failure"/> (mapped by <paramref name="failure"/>).
    /// </summary>
    public static Task PipeTo<T>(
        this Task<T> task,
        ICanTell recipient,
        IActorRef? sender = null,
        Func<T, object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    object? result = success is null ? t.Result : success(t.Result);
                    recipient.Tell(result ?? new Status.Success(null), sender);
                }
                else
                {
                    TellFailure(t, recipient, sender, failure);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>When <paramref name="task"/> completes, tells <paramref name="recipient"/> a <see cref="Status.Success"/> (or <paramref name="success"/>'s message) or a <see cref="Status.Failure"/>.</summary>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null, Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    recipient.Tell(success?.Invoke() ?? new Status.Success(null), sender);
                }
                else
                {
                    TellFailure(t, recipient, sender, failure);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void TellFailure(Task task, ICanTell recipient, IActorRef? sender, Func<Exception, object>? failure)
    {
        Exception cause = task.IsCanceled
            ? new TaskCanceledException(task)
            : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
        recipient.Tell(failure is null ? new Status.Failure(cause) : failure(cause), sender);
    }
}
