using Akka.Actor;

namespace Supervisor.Actors.Tests;

/// <summary>
/// Parent of an actor under test: what the child tells its parent reaches the test actor, what others tell the
/// parent reaches the child, and a failing child is stopped (and logged, so EventFilter sees it). Akka's TestKit
/// ChildActorOf does this too, but in 1.5.75 a failing child of the test actor ends in a KeyNotFoundException.
/// </summary>
internal sealed class ForwardingParent : ReceiveActor
{
    /// <summary>Starts the child and tells <paramref name="creator"/> its reference.</summary>
    public ForwardingParent(Props child, IActorRef testActor, IActorRef creator)
    {
        var created = Context.ActorOf(child, "child");
        creator.Tell(created);
        ReceiveAny(message =>
        {
            if (Sender.Equals(created))
            {
                testActor.Forward(message);
            }
            else
            {
                created.Forward(message);
            }
        });
    }

    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;
}
