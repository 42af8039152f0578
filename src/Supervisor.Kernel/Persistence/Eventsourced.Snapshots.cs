using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Persistence;

public abstract partial class Eventsourced
{
    /// <summary>Saves <paramref name="snapshot"/> at <see cref="LastSequenceNr"/>; replies <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/>.</summary>
    protected void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(PersistenceId, LastSequenceNr, Context.System.Scheduler.Now);
        if (Extension.SnapshotStore is not { } store)
        {
            Self.Tell(new SaveSnapshotFailure(metadata, new InvalidOperationException("No snapshot store is configured.")), Self);
            return;
        }
        store.SaveAsync(metadata, snapshot).PipeTo(Self, Self, () => new SaveSnapshotSuccess(metadata), e => new SaveSnapshotFailure(metadata, e));
    }

    /// <summary>Deletes the snapshot at <paramref name="sequenceNr"/>.</summary>
    protected void DeleteSnapshot(long sequenceNr)
    {
        var metadata = new SnapshotMetadata(PersistenceId, sequenceNr, DateTimeOffset.MinValue);
        if (Extension.SnapshotStore is not { } store)
        {
            Self.Tell(new DeleteSnapshotFailure(metadata, new InvalidOperationException("No snapshot store is configured.")), Self);
            return;
        }
        store.DeleteAsync(metadata).PipeTo(Self, Self, () => new DeleteSnapshotSuccess(metadata), e => new DeleteSnapshotFailure(metadata, e));
    }

    /// <summary>Deletes the snapshots matching <paramref name="criteria"/>.</summary>
    protected void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (Extension.SnapshotStore is not { } store)
        {
            Self.Tell(new DeleteSnapshotsFailure(criteria, new InvalidOperationException("No snapshot store is configured.")), Self);
            return;
        }
        store.DeleteAsync(PersistenceId, criteria).PipeTo(Self, Self, () => new DeleteSnapshotsSuccess(criteria), e => new DeleteSnapshotsFailure(criteria, e));
    }

    /// <summary>Deletes the events up to <paramref name="toSequenceNr"/>; new events keep counting upward.</summary>
    protected void DeleteMessages(long toSequenceNr) =>
        Extension.Journal.DeleteMessagesToAsync(PersistenceId, toSequenceNr)
            .PipeTo(Self, Self, () => new DeleteMessagesSuccess(toSequenceNr), e => new DeleteMessagesFailure(e, toSequenceNr));
}
