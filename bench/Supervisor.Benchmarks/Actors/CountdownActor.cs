using Akka.Actor;

namespace Supervisor.Benchmarks.Actors;

/// <summary>Counts messages and completes a task at the target; the actor side of the tell benchmark.</summary>
internal sealed class CountdownActor(int target, TaskCompletionSource done) : UntypedActor
{
    private int _count;

    // UntypedActor rather than ReceiveActor: no handler lookup per message, so the figure is the mailbox's cost.
    protected override void OnReceive(object message)
    {
        if (++_count == target)
        {
            done.SetResult();
        }
    }
}
