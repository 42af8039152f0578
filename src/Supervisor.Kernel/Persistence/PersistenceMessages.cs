using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Persistence;

/// <summary>Delivered to the recovery handler once replay is done, always, even for a new persistence id.</summary>
public sealed class RecoveryCompleted
{
    private RecoveryCompleted()
    {
    }

    /// <summary>The single instance.</summary>
    public static RecoveryCompleted Instance { get; } = new();
}

/// <summary>Delivered to the recovery handler before the events when a snapshot was loaded.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);

/// <summary>A snapshot was saved.</summary>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>Saving a snapshot failed.</summary>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>A snapshot was deleted.</summary>
public sealed record DeleteSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>Deleting a snapshot failed.</summary>
public sealed record DeleteSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>Snapshots were deleted.</summary>
public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);

/// <summary>Deleting snapshots failed.</summary>
public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);

/// <summary>Events were deleted up to a sequence number.</summary>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);

/// <summary>Deleting events failed.</summary>
public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr);
