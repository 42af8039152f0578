using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

internal sealed partial class ActorCell
{
    private void CreateFirstInstance()
    {
        if (_state != CellState.Created)
        {
            return;
        }
        _state = CellState.Alive;
        CreateInstance(restartCause: null);
    }

    /// <summary>Builds an instance and runs PreStart (or PostRestart); a throw there is an initialization failure.</summary>
    private void CreateInstance(Exception? restartCause)
    {
        try
        {
            _actor = NewActorInstance();
            if (restartCause is null)
            {
                _actor.AroundPreStart();
            }
            else
            {
                _actor.AroundPostRestart(restartCause);
            }
        }
        catch (Exception cause)
        {
            // The half-built instance gets no PostStop (as in Akka), but its timers are cancelled here.
            (_actor as IWithTimers)?.Timers?.CancelAll();
            _actor = null;
            var stage = restartCause is null ? "creation" : "restart";
            HandleInvokeFailure(new ActorInitializationException(Self, $"{Self} failed during {stage}: {cause.Message}", cause), failedMessage: null);
        }
    }

    private void BeginTerminate()
    {
        lock (_childrenLock)
        {
            if (_state >= CellState.Terminating)
            {
                return;
            }
            _state = CellState.Terminating;
        }
        // No user message runs from now on; the count never needs undoing since the mailbox closes.
        Mailbox.Suspend();
        CancelReceiveTimeout();
        var children = ChildEntries();
        if (children.Count == 0)
        {
            FinishTerminate();
            return;
        }
        foreach (var child in children)
        {
            StopChild(child);
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        if (actor is not null)
        {
            try
            {
                actor.AroundPostStop();
            }
            catch (Exception cause)
            {
                CreateLogger().LogError(cause, "PostStop of {Actor} threw; the actor is stopped anyway", Self);
            }
        }
        var stashed = (actor as IWithUnboundedStash)?.Stash?.ClearStash();
        _state = CellState.Terminated;
        _actor = null;
        if (stashed is not null)
        {
            foreach (var envelope in stashed)
            {
                ((IMailboxOwner)this).DeliverToDeadLetters(envelope);
            }
        }
        Mailbox.Close();
        NotifyWatchersAndParent();
        _behaviors.Clear();
    }
}
