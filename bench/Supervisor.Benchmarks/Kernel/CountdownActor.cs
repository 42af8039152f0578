using Supervisor.Kernel.Actor;

namespace Supervisor.Benchmarks.Kernel;

/// <summary>Counts messages and completes a task at the target; the actor side of the tell benchmark.</summary>
internal sealed class CountdownActor : ActorBase
{
    private readonly int _target;
    private readonly TaskCompletionSource _done;
    private int _count;

    public CountdownActor(int target, TaskCompletionSource done)
    {
        _target = target;
        _done = done;
    }

    protected override bool Receive(object message)
    {
        if (++_count == _target)
        {
            _done.SetResult();
        }
        return true;
    }
}
