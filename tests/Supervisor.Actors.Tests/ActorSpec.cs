using Akka.Actor;
using Akka.Persistence.TestKit;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Supervisor.Actors.Tests;

/// <summary>
/// Akka's xunit TestKit with the persistence the actor tests need: Akka.Persistence.TestKit's in-memory journal and
/// snapshot store, whose writes, rejections and recoveries a test can make fail (<see cref="Journal"/>). With
/// <see cref="VirtualTime"/> the system runs on Akka's <see cref="TestScheduler"/>: timers fire only when the test
/// advances <see cref="Scheduler"/> (Ask timeouts and TestKit waits stay in real time).
/// </summary>
public abstract class ActorSpec : Akka.TestKit.Xunit2.TestKit
{
    private const string InMemoryPersistence = """
        akka.loglevel = INFO
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test {
          class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.test"
        akka.persistence.snapshot-store.test {
          class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        """;

    /// <summary>Real time.</summary>
    protected ActorSpec(ITestOutputHelper? output = null)
        : this(string.Empty, output)
    {
    }

    /// <summary>With extra HOCON, e.g. <see cref="VirtualTime"/>.</summary>
    protected ActorSpec(string config, ITestOutputHelper? output = null)
        : base(config + "\n" + InMemoryPersistence, output: output)
    {
        var persistence = Akka.Persistence.Persistence.Instance.Apply(Sys);
        Journal = TestJournal.FromRef(persistence.JournalFor(null));
        Snapshots = TestSnapshotStore.FromRef(persistence.SnapshotStoreFor(null));
    }

    /// <summary>The in-memory journal; set <c>Journal.OnWrite.Fail()</c> and reset with <c>Pass()</c>.</summary>
    protected ITestJournal Journal { get; }

    /// <summary>The in-memory snapshot store.</summary>
    protected ITestSnapshotStore Snapshots { get; }

    /// <summary>The virtual clock of a <see cref="VirtualTime"/> system.</summary>
    protected TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    /// <summary>HOCON that puts the system on Akka's <see cref="TestScheduler"/>.</summary>
    protected static string VirtualTime() => "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"";

    /// <summary>Starts <paramref name="props"/> under a <see cref="ForwardingParent"/>: its messages to its parent come to <c>TestActor</c>, a failure stops it.</summary>
    protected IActorRef ChildOf(Props props)
    {
        var creator = CreateTestProbe();
        Sys.ActorOf(Akka.Actor.Props.Create(() => new ForwardingParent(props, TestActor, creator.Ref)));
        return creator.ExpectMsg<IActorRef>();
    }

    /// <summary>What the journal holds for <paramref name="persistenceId"/>: the newest snapshot's sequence number and the events after it, replayed by a fresh reader.</summary>
    protected JournalContents JournalOf(string persistenceId)
    {
        var probe = CreateTestProbe();
        Sys.ActorOf(Akka.Actor.Props.Create(() => new JournalReplay(persistenceId, probe.Ref)));
        return probe.ExpectMsg<JournalContents>(TimeSpan.FromSeconds(10));
    }
}
