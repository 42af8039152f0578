using Supervisor.Kernel.Persistence.Journal;
using Supervisor.Kernel.Persistence.Snapshot;

namespace Supervisor.Persistence.Sql.Tests.Spec;

public sealed class MemoryJournalSpec : JournalSpec
{
    protected override Task<(AsyncWriteJournal Journal, SnapshotStore Snapshots)> CreateAsync() =>
        Task.FromResult<(AsyncWriteJournal, SnapshotStore)>((new MemoryJournal(TestSerializer.Instance), new MemorySnapshotStore()));
}
