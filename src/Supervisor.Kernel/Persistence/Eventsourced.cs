using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Persistence;

/// <summary>
/// An actor whose state is rebuilt from its events (Akka.Persistence's Eventsourced). On every start and restart
/// it recovers (snapshot, then events, then <see cref="RecoveryCompleted"/>) while commands wait in an internal
/// stash; <c>Persist</c> writes events and runs their handlers once stored, holding commands back meanwhile.
/// A persist failure stops the actor (wrap it in a <c>BackoffSupervisor</c> with <c>Backoff.OnStop</c>); a
/// rejection is logged and the actor goes on. Split into partials: recovery, persisting, snapshots.
/// </summary>
public abstract partial class Eventsourced : ActorBase
{
    private static long s_instanceIds;
    private readonly long _instanceId = Interlocked.Increment(ref s_instanceIds);
    private readonly List<Envelope> _internalStash = [];
    private Phase _phase = Phase.NotStarted;

    private enum Phase
    {
        NotStarted,
        WaitingForPermit,
        Recovering,
        Processing,
        Stopping,
    }

    /// <summary>Stable across incarnations, unique per entity in the journal.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>How to recover; <c>Recovery.Default</c> unless overridden.</summary>
    public virtual Recovery Recovery => Recovery.Default;

    /// <summary>The sequence number of the last event persisted or replayed.</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>The sequence number of the snapshot recovery started from, or 0.</summary>
    public long SnapshotSequenceNr { get; private set; }

    /// <summary>True until recovery has finished.</summary>
    public bool IsRecovering => _phase is Phase.NotStarted or Phase.WaitingForPermit or Phase.Recovering;

    /// <summary>True once recovery has finished.</summary>
    public bool IsRecoveryFinished => !IsRecovering;

    private Persistence Extension => Persistence.For(Context.System);

    /// <summary>Handles replayed events, a <see cref="SnapshotOffer"/> and <see cref="RecoveryCompleted"/>.</summary>
    protected abstract bool ReceiveRecover(object message);

    /// <summary>Handles commands.</summary>
    protected abstract bool ReceiveCommand(object message);

    /// <inheritdoc />
    protected sealed override bool Receive(object message) => ReceiveCommand(message);

    /// <summary>Called when a write fails; the actor is stopped afterwards. Logs an error by default.</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Log.LogError(cause, "Failed to persist event type [{EventType}] with sequence number [{SequenceNr}] for persistenceId [{PersistenceId}]; stopping",
            @event.GetType().Name, sequenceNr, PersistenceId);

    /// <summary>Called when the journal rejects an event (never stored); the actor goes on. Logs a warning by default.</summary>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        Log.LogWarning(cause, "Rejected to persist event type [{EventType}] with sequence number [{SequenceNr}] for persistenceId [{PersistenceId}]: {Reason}",
            @event.GetType().Name, sequenceNr, PersistenceId, cause.Message);

    /// <summary>Called when recovery fails; the actor is stopped afterwards. Logs an error by default.</summary>
    protected virtual void OnRecoveryFailure(Exception reason, object? message = null) =>
        Log.LogError(reason, "Recovery of persistenceId [{PersistenceId}] failed at sequence number [{SequenceNr}]{Event}; stopping",
            PersistenceId, LastSequenceNr, message is null ? "" : $" on event type [{message.GetType().Name}]");

    /// <summary>Called once replay has succeeded, before commands are processed.</summary>
    protected virtual void OnReplaySuccess()
    {
    }

    /// <inheritdoc />
    protected override void Unhandled(object message)
    {
        switch (message)
        {
            case SaveSnapshotFailure failure:
                Log.LogWarning(failure.Cause, "Saving the snapshot of [{PersistenceId}] at [{SequenceNr}] failed", PersistenceId, failure.Metadata.SequenceNr);
                break;
            case DeleteMessagesFailure failure:
                Log.LogWarning(failure.Cause, "Deleting the events of [{PersistenceId}] up to [{SequenceNr}] failed", PersistenceId, failure.ToSequenceNr);
                break;
            case DeleteSnapshotFailure or DeleteSnapshotsFailure:
                Log.LogWarning("Deleting snapshots of [{PersistenceId}] failed: {Message}", PersistenceId, message);
                break;
            default:
                base.Unhandled(message);
                break;
        }
    }

    internal override bool AroundReceive(Receive receive, object message)
    {
        switch (message)
        {
            case EventsourcedMessage own:
                if (own.InstanceId == _instanceId)
                {
                    HandleOwnMessage(own);
                }
                return true;
        }
        if (_phase != Phase.Processing || _pendingStashingInvocations > 0)
        {
            _internalStash.Add(Cell.CurrentEnvelope);
            return true;
        }
        var handled = receive(message);
        FlushBatch();
        return handled;
    }

    internal override void AroundPreStart()
    {
        base.AroundPreStart();
        StartRecovery();
    }

    internal override void AroundPostRestart(Exception reason)
    {
        base.AroundPostRestart(reason);
        StartRecovery();
    }

    internal override void AroundPreRestart(Exception reason, object? message)
    {
        // Commands held back are not lost by a restart: they go back to the front of the mailbox.
        UnstashInternally();
        ReturnPermit();
        base.AroundPreRestart(reason, message);
    }

    internal override void AroundPostStop()
    {
        ReturnPermit();
        CancelRecoveryTick();
        foreach (var envelope in _internalStash)
        {
            Context.System.DeadLetters.Tell(envelope.Message, envelope.Sender);
        }
        _internalStash.Clear();
        base.AroundPostStop();
    }

    private void HandleOwnMessage(EventsourcedMessage message)
    {
        switch (message)
        {
            case WriteCompleted completed:
                OnWriteCompleted(completed);
                break;
            case RecoveryPermitGranted:
                OnPermitGranted();
                break;
            default:
                if (_phase == Phase.Recovering)
                {
                    OnRecoveryMessage(message);
                }
                break;
        }
    }

    private void UnstashInternally()
    {
        if (_internalStash.Count == 0)
        {
            return;
        }
        Cell.Mailbox.PrependAll(_internalStash);
        _internalStash.Clear();
    }

    private void StopAfterFailure()
    {
        _phase = Phase.Stopping;
        Context.Stop(Self);
    }
}
