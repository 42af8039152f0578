using Akka.Persistence.TestKit;
using Xunit.Abstractions;

namespace Supervisor.Persistence.Tests.Faults;

/// <summary>
/// Akka.Persistence.TestKit's TestJournal and TestSnapshotStore as the default plugins, with the fault setters at
/// hand. Stands in for the PersistenceTestKit base class, which lives in a package not served here (reference §5).
/// </summary>
public abstract class JournalFaultTestKit : Akka.TestKit.Xunit2.TestKit
{
    private const string Plugins = """
        akka.loglevel = WARNING
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test.class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
        akka.persistence.journal.test.plugin-dispatcher = "akka.actor.default-dispatcher"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.test"
        akka.persistence.snapshot-store.test.class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
        akka.persistence.snapshot-store.test.plugin-dispatcher = "akka.actor.default-dispatcher"
        """;

    /// <summary>Starts the system on the test plugins.</summary>
    protected JournalFaultTestKit(ITestOutputHelper output) : base(Plugins, output: output)
    {
        var persistence = Akka.Persistence.Persistence.Instance.Apply(Sys);
        Journal = TestJournal.FromRef(persistence.JournalFor(null));
        Snapshots = TestSnapshotStore.FromRef(persistence.SnapshotStoreFor(null));
    }

    /// <summary>The journal's behaviour setters.</summary>
    protected ITestJournal Journal { get; }

    /// <summary>The snapshot store's behaviour setters.</summary>
    protected ITestSnapshotStore Snapshots { get; }
}
