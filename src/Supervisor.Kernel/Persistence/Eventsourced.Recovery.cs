using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Persistence;

public abstract partial class Eventsourced
{
    private bool _holdsPermit;
    private bool _replayActivity;
    private long _highestStored;
    private ICancelable? _recoveryTick;

    private void StartRecovery()
    {
        // Throws (→ ActorInitializationException, Stop) with a clear message when no journal is configured.
        _ = Extension.Journal;
        _phase = Phase.WaitingForPermit;
        Extension.Permitter.Request(_instanceId, Self);
    }

    private void OnPermitGranted()
    {
        if (_phase != Phase.WaitingForPermit)
        {
            return;
        }
        _holdsPermit = true;
        _phase = Phase.Recovering;
        var timeout = Extension.Settings.RecoveryEventTimeout;
        _recoveryTick = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(timeout, timeout, Self, new RecoveryTick(_instanceId), ActorRefs.NoSender);
        _replayActivity = true;
        var store = Extension.SnapshotStore;
        if (store is null || Recovery.FromSnapshot == SnapshotSelectionCriteria.None)
        {
            Self.Tell(new SnapshotLoaded(_instanceId, null, null), ActorRefs.NoSender);
            return;
        }
        var instance = _instanceId;
        var self = Self;
        store.LoadAsync(PersistenceId, Recovery.FromSnapshot).ContinueWith(
            t => self.Tell(new SnapshotLoaded(instance, t.IsCompletedSuccessfully ? t.Result : null, Failure(t)), ActorRefs.NoSender),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnRecoveryMessage(EventsourcedMessage message)
    {
        switch (message)
        {
            case SnapshotLoaded loaded:
                OnSnapshotLoaded(loaded);
                break;
            case HighestSequenceNrRead read:
                OnHighestRead(read.Highest);
                break;
            case ReplayedEvent replayed:
                _replayActivity = true;
                LastSequenceNr = replayed.Persistent.SequenceNr;
                RecoverWith(replayed.Persistent.Payload);
                break;
            case ReplayFinished finished when finished.Failure is not null:
                RecoveryFailed(finished.Failure, null);
                break;
            case ReplayFinished:
                FinishRecovery();
                break;
            case RecoveryTick when !_replayActivity:
                RecoveryFailed(new RecoveryTimedOutException(
                    $"Recovery of [{PersistenceId}] received nothing for {Extension.Settings.RecoveryEventTimeout} (last sequence number {LastSequenceNr})."), null);
                break;
            case RecoveryTick:
                _replayActivity = false;
                break;
        }
    }

    private void OnSnapshotLoaded(SnapshotLoaded loaded)
    {
        _replayActivity = true;
        if (loaded.Failure is not null)
        {
            RecoveryFailed(loaded.Failure, null);
            return;
        }
        if (loaded.Snapshot is { } snapshot)
        {
            LastSequenceNr = snapshot.Metadata.SequenceNr;
            SnapshotSequenceNr = snapshot.Metadata.SequenceNr;
            if (!RecoverWith(new SnapshotOffer(snapshot.Metadata, snapshot.Snapshot)))
            {
                return;
            }
        }
        var instance = _instanceId;
        var self = Self;
        Extension.Journal.ReadHighestSequenceNrAsync(PersistenceId, LastSequenceNr).ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    self.Tell(new HighestSequenceNrRead(instance, t.Result), ActorRefs.NoSender);
                }
                else
                {
                    self.Tell(new ReplayFinished(instance, Failure(t)), ActorRefs.NoSender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnHighestRead(long highest)
    {
        _replayActivity = true;
        _highestStored = highest;
        var to = Math.Min(Recovery.ToSequenceNr, highest);
        if (to <= LastSequenceNr || Recovery.ReplayMax <= 0)
        {
            FinishRecovery();
            return;
        }
        var instance = _instanceId;
        var self = Self;
        Extension.Journal.ReplayMessagesAsync(
                PersistenceId,
                LastSequenceNr + 1,
                to,
                Recovery.ReplayMax,
                p => self.Tell(new ReplayedEvent(instance, p), ActorRefs.NoSender))
            .ContinueWith(
                t => self.Tell(new ReplayFinished(instance, Failure(t)), ActorRefs.NoSender),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
    }

    private void FinishRecovery()
    {
        CancelRecoveryTick();
        ReturnPermit();
        // New events continue after everything stored, even after a partial replay or deleted events.
        LastSequenceNr = Math.Max(LastSequenceNr, _highestStored);
        _sequenceNr = LastSequenceNr;
        _phase = Phase.Processing;
        if (!RecoverWith(RecoveryCompleted.Instance))
        {
            return;
        }
        OnReplaySuccess();
        UnstashInternally();
    }

    /// <summary>Runs the recovery handler; a throw fails the recovery (and stops the actor).</summary>
    private bool RecoverWith(object message)
    {
        try
        {
            ReceiveRecover(message);
            return true;
        }
        catch (Exception cause)
        {
            RecoveryFailed(cause, message);
            return false;
        }
    }

    private void RecoveryFailed(Exception cause, object? message)
    {
        CancelRecoveryTick();
        ReturnPermit();
        OnRecoveryFailure(cause, message);
        StopAfterFailure();
    }

    private void CancelRecoveryTick()
    {
        _recoveryTick?.Cancel();
        _recoveryTick = null;
    }

    private void ReturnPermit()
    {
        if (_phase == Phase.WaitingForPermit || _holdsPermit)
        {
            _holdsPermit = false;
            Extension.Permitter.Return(_instanceId);
        }
    }

    private static Exception? Failure(Task task) =>
        task.IsFaulted ? task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException : task.Exception
        : task.IsCanceled ? new TaskCanceledException(task)
        : null;
}
