using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

internal sealed partial class ActorCell
{
    private bool _failed;
    private object? _failedMessage;
    private IActorRef? _perpetrator;
    private Exception? _restartCause;

    /// <summary>
    /// The actor (or one of its system-message handlers) threw: drop the message, suspend this actor and its
    /// children (except the child whose escalation caused this), and ask the parent what to do.
    /// </summary>
    private void HandleInvokeFailure(Exception cause, object? failedMessage, IActorRef? perpetrator = null)
    {
        if (_state >= CellState.Terminating)
        {
            CreateLogger().LogError(cause, "{Actor} failed while stopping; the failure is ignored", Self);
            return;
        }
        if (_failed)
        {
            // Already waiting for the parent's decision: a second failure has nothing new to report.
            return;
        }
        _failed = true;
        _failedMessage = failedMessage;
        _perpetrator = perpetrator;
        SuspendSelfAndChildren(exceptFor: perpetrator);
        _parent.SendSystemMessage(new Failed(SelfRef, cause));
    }

    private void SuspendSelfAndChildren(IActorRef? exceptFor)
    {
        Mailbox.Suspend();
        foreach (var child in ChildEntries())
        {
            if (!ReferenceEquals(child.Ref, exceptFor))
            {
                child.Ref.SendSystemMessage(Suspend.Instance);
            }
        }
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_state >= CellState.Terminating)
        {
            return;
        }
        if (_actor is null && causedByFailure is not null)
        {
            // Resuming an actor whose construction failed would leave it without an instance: build one.
            FaultRecreate(causedByFailure);
            return;
        }
        var perpetrator = causedByFailure is null ? null : _perpetrator;
        if (causedByFailure is not null)
        {
            _failed = false;
            _failedMessage = null;
            _perpetrator = null;
        }
        Mailbox.Resume();
        foreach (var child in ChildEntries())
        {
            child.Ref.SendSystemMessage(ReferenceEquals(child.Ref, perpetrator) ? new Resume(causedByFailure) : new Resume(null));
        }
    }

    /// <summary>Restart, step 1: PreRestart on the old instance, stash back to the mailbox, wait for stopped children.</summary>
    private void FaultRecreate(Exception cause)
    {
        if (_state >= CellState.Terminating)
        {
            return;
        }
        var failedActor = _actor;
        if (failedActor is not null)
        {
            try
            {
                failedActor.AroundPreRestart(cause, _failedMessage);
            }
            catch (Exception preRestartFailure)
            {
                // Akka logs a PreRestartException and carries on with the restart.
                CreateLogger().LogError(preRestartFailure, "PreRestart of {Actor} threw; restarting anyway", Self);
            }
            if (failedActor is IWithUnboundedStash { Stash: { } stash })
            {
                Mailbox.PrependAll(stash.ClearStash().ToList());
            }
        }
        _failedMessage = null;
        _perpetrator = null;
        if (HasStoppingChildren())
        {
            _state = CellState.WaitingForChildrenToRestart;
            _restartCause = cause;
            return;
        }
        FinishRecreate(cause);
    }

    /// <summary>Restart, step 2: new instance, PostRestart, restart the surviving children, resume.</summary>
    private void FinishRecreate(Exception cause)
    {
        _state = CellState.Alive;
        _restartCause = null;
        var survivors = ChildEntries();
        CancelReceiveTimeout();
        _receiveTimeout = null;
        _failed = false;
        Mailbox.Resume();
        CreateInstance(cause);
        foreach (var survivor in survivors)
        {
            if (!survivor.Stopping)
            {
                RestartChild(survivor.Ref, cause, suspendFirst: false);
            }
        }
    }

    private void HandleChildFailure(Failed failed)
    {
        var entry = FindChild(failed.Child);
        if (entry is null || entry.Stopping || _state >= CellState.Terminating)
        {
            // A failure from a child we no longer have, or are stopping anyway.
            return;
        }
        var strategy = CurrentStrategy;
        Directive directive;
        try
        {
            directive = strategy.Decider.Decide(failed.Cause);
        }
        catch (Exception deciderFailure)
        {
            // A broken decider is this supervisor's own failure; the child stays suspended and this
            // actor's parent decides (by default: restart, which stops the children in PreRestart).
            CreateLogger().LogError(deciderFailure, "The supervisor strategy of {Actor} threw while deciding on the failure of {Child}", Self, failed.Child);
            HandleInvokeFailure(deciderFailure, failedMessage: null, perpetrator: failed.Child);
            return;
        }
        if (strategy.LoggingEnabled)
        {
            LogFailure(failed, directive);
        }
        switch (directive)
        {
            case Directive.Resume:
                failed.Child.SendSystemMessage(new Resume(failed.Cause));
                break;
            case Directive.Restart:
                strategy.ProcessFailure(this, restart: true, entry, failed.Cause, ChildEntries());
                break;
            case Directive.Stop:
                strategy.ProcessFailure(this, restart: false, entry, failed.Cause, ChildEntries());
                break;
            case Directive.Escalate:
                HandleInvokeFailure(failed.Cause, failedMessage: null, perpetrator: failed.Child);
                break;
        }
    }

    private void LogFailure(Failed failed, Directive directive)
    {
        var logger = failed.Child is LocalActorRef local ? local.Cell.CreateLogger() : CreateLogger();
        switch (directive)
        {
            case Directive.Resume:
                logger.LogWarning(failed.Cause, "{Child} failed: {Reason}; resuming", failed.Child, failed.Cause.Message);
                break;
            case Directive.Restart:
                logger.LogError(failed.Cause, "{Child} failed: {Reason}; restarting", failed.Child, failed.Cause.Message);
                break;
            case Directive.Stop:
                logger.LogError(failed.Cause, "{Child} failed: {Reason}; stopping", failed.Child, failed.Cause.Message);
                break;
        }
    }
}
