using Akka.Actor;

namespace Supervisor.Benchmarks.Actors;

/// <summary>Bounces a <see cref="Ball"/> back to its sender until it reaches zero.</summary>
internal sealed class PingPongActor(TaskCompletionSource done) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Ball { Remaining: 0 }:
                done.TrySetResult();
                break;
            case Ball ball:
                Sender.Tell(new Ball(ball.Remaining - 1), Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
