using Akka.Persistence;
using Supervisor.Venues.Events;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>Recovers a persistence id and reports how many events it replayed once recovery completes.</summary>
internal sealed class ReplayActor : ReceivePersistentActor
{
    private long _events;
    private decimal _available;

    public ReplayActor(string persistenceId, TaskCompletionSource<long> done)
    {
        PersistenceId = persistenceId;
        // Touch the payload so the deserialized event is used, as an account's state would use it.
        Recover<AssetBalanceChanged>(e =>
        {
            _events++;
            _available = e.Available;
        });
        Recover<RecoveryCompleted>(_ => done.TrySetResult(_available > 0 ? _events : -1));
        CommandAny(_ => { });
    }

    public override string PersistenceId { get; }
}
