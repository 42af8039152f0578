using Akka.Actor;
using Akka.Persistence;

namespace Supervisor.Actors.Tests;

/// <summary>Recovers a persistence id the way its owner would, reports what it saw to <c>reportTo</c>, and stops.</summary>
internal sealed class JournalReplay : ReceivePersistentActor
{
    private readonly List<object> _events = [];
    private long? _snapshot;

    public JournalReplay(string persistenceId, IActorRef reportTo)
    {
        PersistenceId = persistenceId;
        Recover<SnapshotOffer>(offer => _snapshot = offer.Metadata.SequenceNr);
        Recover<RecoveryCompleted>(_ =>
        {
            reportTo.Tell(new JournalContents(_snapshot, _events));
            Context.Stop(Self);
        });
        RecoverAny(e => _events.Add(e));
    }

    public override string PersistenceId { get; }
}
