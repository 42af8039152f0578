using Supervisor.Kernel.Actor;

namespace Supervisor.TestKit;

/// <summary>A second test actor with its own inbox and expectations, for tests that need several parties.</summary>
public sealed class TestProbe : TestKitBase
{
    internal TestProbe(ActorSystem system, TestKitSettings settings, string name)
        : base(system, settings, name)
    {
    }

    /// <summary>The probe's reference.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>The sender of the last message received.</summary>
    public IActorRef Sender => LastSender;

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> with the probe as sender.</summary>
    public void Send(IActorRef actor, object message) => actor.Tell(message, Ref);

    /// <summary>Forwards the last message received to <paramref name="actor"/>, keeping its sender.</summary>
    public void Forward(IActorRef actor) => actor.Tell(LastMessage ?? throw new InvalidOperationException("The probe has received nothing to forward."), LastSender);

    /// <summary>Forwards <paramref name="message"/> to <paramref name="actor"/> with the last sender.</summary>
    public void Forward(IActorRef actor, object message) => actor.Tell(message, LastSender);

    /// <summary>Replies to the sender of the last message, with the probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <inheritdoc />
    public override string ToString() => $"TestProbe({Ref.Path})";
}
