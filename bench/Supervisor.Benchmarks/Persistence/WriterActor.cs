using Akka.Persistence;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>A persistent actor that writes <see cref="BenchData"/> events on command and reports when recovered and when done.</summary>
internal sealed class WriterActor : ReceivePersistentActor
{
    private long _next;

    public WriterActor(string persistenceId, TaskCompletionSource recovered)
    {
        PersistenceId = persistenceId;
        // Recovery is timed apart (the replay benchmark), so the write benchmarks start only recovered actors.
        Recover<RecoveryCompleted>(_ => recovered.TrySetResult());
        Command<PersistEvents>(order =>
        {
            if (order.BatchSize == 1)
            {
                PersistOneAtATime(order.Count, order.Done);
            }
            else
            {
                PersistInBatches(order);
            }
        });
    }

    public override string PersistenceId { get; }

    private void PersistOneAtATime(int left, TaskCompletionSource done) =>
        Persist(BenchData.Event(++_next), _ =>
        {
            if (left == 1)
            {
                done.SetResult();
            }
            else
            {
                PersistOneAtATime(left - 1, done);
            }
        });

    private void PersistInBatches(PersistEvents order)
    {
        var handled = 0;
        for (var start = 0; start < order.Count; start += order.BatchSize)
        {
            var batch = Enumerable.Range(0, Math.Min(order.BatchSize, order.Count - start)).Select(_ => BenchData.Event(++_next)).ToList();
            PersistAll(batch, _ =>
            {
                if (++handled == order.Count)
                {
                    order.Done.SetResult();
                }
            });
        }
    }
}
