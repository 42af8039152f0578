using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Persistence;

namespace Supervisor.Kernel.Tests.Persistence;

/// <summary>A persistent list of strings: "add:x" persists, "get" replies the list, "snap" saves a snapshot.</summary>
internal sealed class CounterActor : ReceivePersistentActor
{
    private readonly IActorRef _probe;
    private List<string> _items = [];

    public CounterActor(string id, IActorRef probe)
    {
        PersistenceId = id;
        _probe = probe;
        Recover<string>(e => _items.Add(e));
        Recover<SnapshotOffer>(o =>
        {
            _items = [.. (string[])o.Snapshot];
            probe.Tell($"offered:{o.Metadata.SequenceNr}");
        });
        Recover<RecoveryCompleted>(_ => probe.Tell($"recovered:{string.Join(",", _items)}:{LastSequenceNr}"));
        Command<string>(c => c.StartsWith("add:", StringComparison.Ordinal), c => Persist(c[4..], e =>
        {
            _items.Add(e);
            Sender.Tell($"added:{e}:{LastSequenceNr}");
        }));
        Command<string>(c => c.StartsWith("async:", StringComparison.Ordinal), c => PersistAsync(c[6..], e =>
        {
            _items.Add(e);
            Sender.Tell($"added:{e}:{LastSequenceNr}");
        }));
        Command<string[]>(batch => PersistAll(batch, e => _items.Add(e)));
        Command<string>(c => c == "defer", _ =>
        {
            Persist("before-defer", e => _items.Add(e));
            DeferAsync("deferred", e => Sender.Tell($"deferred after {_items.Count}"));
        });
        Command<string>(c => c == "get", _ => Sender.Tell(string.Join(",", _items)));
        Command<string>(c => c == "snap", _ => SaveSnapshot(_items.ToArray()));
        Command<string>(c => c == "boom", _ => throw new TestFailure("command failed"));
        Command<SaveSnapshotSuccess>(s => probe.Tell($"snapshot:{s.Metadata.SequenceNr}"));
    }

    public override string PersistenceId { get; }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        _probe.Tell($"rejected:{@event}:{sequenceNr}");
    }
}
