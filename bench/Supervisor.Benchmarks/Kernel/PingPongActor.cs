using Supervisor.Kernel.Actor;

namespace Supervisor.Benchmarks.Kernel;

/// <summary>Bounces a counter with its partner until it reaches zero.</summary>
internal sealed class PingPongActor : ActorBase
{
    private readonly TaskCompletionSource _done;

    public PingPongActor(TaskCompletionSource done)
    {
        _done = done;
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Ball { Remaining: 0 }:
                _done.TrySetResult();
                return true;
            case Ball ball:
                Sender.Tell(new Ball(ball.Remaining - 1), Self);
                return true;
            default:
                return false;
        }
    }
}

/// <summary>The message bounced by <see cref="PingPongActor"/>.</summary>
internal sealed record Ball(int Remaining);
