using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

/// <summary>The reference to an actor running in this process.</summary>
internal sealed class LocalActorRef : InternalActorRef
{
    public LocalActorRef(ActorPath path, ActorCell cell)
    {
        Path = path;
        Cell = cell;
    }

    public override ActorPath Path { get; }

    internal ActorCell Cell { get; }

    public override bool IsTerminated => Cell.Mailbox.IsClosed;

    internal override ActorSystem System => Cell.System;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            ThrowHelper.ThrowNullMessage();
        }
        Cell.Mailbox.Post(new Envelope(message, sender));
    }

    internal override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);
}
