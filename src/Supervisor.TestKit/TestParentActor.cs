using Supervisor.Kernel.Actor;

namespace Supervisor.TestKit;

/// <summary>A parent under test control: creates one child, forwards what the child sends it to the test actor and what others send it to the child.</summary>
internal sealed class TestParentActor : ActorBase
{
    private readonly IActorRef _testActor;
    private readonly SupervisorStrategy _strategy;
    private readonly IActorRef _child;

    public TestParentActor(Props childProps, string? childName, IActorRef testActor, SupervisorStrategy strategy)
    {
        _testActor = testActor;
        _strategy = strategy;
        _child = Context.ActorOf(childProps, childName);
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case GetChild:
                Sender.Tell(_child, Self);
                break;
            default:
                if (ReferenceEquals(Sender, _child))
                {
                    _testActor.Tell(message, _child);
                }
                else
                {
                    _child.Forward(message);
                }
                break;
        }
        return true;
    }

    internal sealed record GetChild;
}
