using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

internal sealed partial class ActorCell
{
    /// <summary>
    /// Holds the mailbox while an async handler runs, so no other message is processed until it ends; a
    /// fault is then handled as a failure of the message. Continuations run on the thread pool, not on the
    /// actor's turn: <c>Self</c> and <c>Sender</c> stay valid, but the implicit-sender <c>Tell</c> does not see
    /// the actor after an await (Akka runs them on an actor task scheduler instead).
    /// </summary>
    internal void RunAsyncHandler(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return;
        }
        if (task.IsFaulted || task.IsCanceled)
        {
            // Completed synchronously with a fault: surface it as this message's failure.
            task.GetAwaiter().GetResult();
        }
        Mailbox.Suspend();
        var incarnation = _incarnation;
        var message = _currentEnvelope.Message;
        task.ContinueWith(
            static (t, state) =>
            {
                var (cell, incarnation, message) = ((ActorCell, int, object))state!;
                Exception? failure = t.IsFaulted ? t.Exception!.InnerException ?? t.Exception
                    : t.IsCanceled ? new TaskCanceledException($"The async handler for {message.GetType().Name} was cancelled.")
                    : null;
                cell.SelfRef.SendSystemMessage(new AsyncHandlerCompleted(failure, incarnation, message));
            },
            (this, incarnation, message),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void AsyncHandlerFinished(AsyncHandlerCompleted completed)
    {
        Mailbox.Resume();
        if (completed.Failure is not null && completed.Incarnation == _incarnation && _state == CellState.Alive)
        {
            HandleInvokeFailure(completed.Failure, completed.Message);
        }
    }
}
