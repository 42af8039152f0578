using Supervisor.Kernel.Actor;

namespace Supervisor.TestKit;

/// <summary>Queues everything it receives for the test to assert on; handles <see cref="Terminated"/> too, so no death pact.</summary>
internal sealed class TestActor : ActorBase
{
    private readonly MessageQueue _queue;
    private AutoPilot _autoPilot = AutoPilot.NoAutoPilot;
    private Func<object, bool>? _ignore;

    public TestActor(MessageQueue queue)
    {
        _queue = queue;
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case TestActorWatch watch:
                Context.Watch(watch.Actor);
                return true;
            case TestActorUnwatch unwatch:
                Context.Unwatch(unwatch.Actor);
                return true;
            case TestActorSetAutoPilot set:
                _autoPilot = set.AutoPilot;
                return true;
            case TestActorSetIgnore set:
                _ignore = set.Ignore;
                return true;
        }
        if (_ignore?.Invoke(message) == true)
        {
            return true;
        }
        var sender = Sender;
        if (!ReferenceEquals(_autoPilot, AutoPilot.NoAutoPilot))
        {
            var next = _autoPilot.Run(sender, message);
            if (!ReferenceEquals(next, AutoPilot.KeepRunning))
            {
                _autoPilot = next;
            }
        }
        _queue.Enqueue(new MessageEnvelope(message, sender));
        return true;
    }
}
