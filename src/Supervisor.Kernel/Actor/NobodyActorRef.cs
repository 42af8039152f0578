using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

/// <summary>The reference to no actor: messages vanish, a watch is answered at once.</summary>
internal sealed class NobodyActorRef : InternalActorRef
{
    public override ActorPath Path { get; } = ActorPath.CreateRoot("none").Child("nobody");

    public override bool IsTerminated => true;

    internal override ActorSystem? System => null;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false));
        }
    }
}
