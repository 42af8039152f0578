using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Persistence;

/// <summary>Messages an event-sourced actor sends itself; each carries the instance that asked, so a restarted instance ignores its predecessor's.</summary>
internal abstract record EventsourcedMessage(long InstanceId) : INotInfluenceReceiveTimeout;

internal sealed record SnapshotLoaded(long InstanceId, SelectedSnapshot? Snapshot, Exception? Failure) : EventsourcedMessage(InstanceId);

internal sealed record HighestSequenceNrRead(long InstanceId, long Highest) : EventsourcedMessage(InstanceId);

internal sealed record ReplayedEvent(long InstanceId, IPersistentRepresentation Persistent) : EventsourcedMessage(InstanceId);

internal sealed record ReplayFinished(long InstanceId, Exception? Failure) : EventsourcedMessage(InstanceId);

internal sealed record RecoveryTick(long InstanceId) : EventsourcedMessage(InstanceId);

internal sealed record WriteCompleted(long InstanceId, IReadOnlyList<Exception?>? Rejections, Exception? Failure) : EventsourcedMessage(InstanceId);

internal sealed record RecoveryPermitGranted(long InstanceId) : EventsourcedMessage(InstanceId);
