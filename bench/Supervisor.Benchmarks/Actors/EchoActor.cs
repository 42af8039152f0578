using Akka.Actor;

namespace Supervisor.Benchmarks.Actors;

/// <summary>Replies with what it receives (ask benchmark) or just takes it (spawn/stop benchmark, no sender).</summary>
internal sealed class EchoActor : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (!Sender.IsNobody())
        {
            Sender.Tell(message, Self);
        }
    }
}
