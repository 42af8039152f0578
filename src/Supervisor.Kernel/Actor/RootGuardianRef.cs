using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

/// <summary>
/// The parent of the guardians. A guardian that fails (an escalation reached the top) is stopped, which
/// terminates the system, as in Akka.
/// </summary>
internal sealed class RootGuardianRef : InternalActorRef
{
    private readonly ActorSystem _system;

    public RootGuardianRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        Path = path;
    }

    public override ActorPath Path { get; }

    public override bool IsTerminated => _system.WhenTerminated.IsCompleted;

    internal override ActorSystem System => _system;

    public override void Tell(object message, IActorRef? sender) => _system.DeadLetters.Tell(message, sender);

    internal override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                _system.Log.LogError(failed.Cause, "Guardian {Guardian} failed; stopping it and terminating the actor system", failed.Child);
                _system.Terminate();
                break;
            case DeathWatchNotification notification:
                _system.GuardianStopped(notification.Actor);
                break;
        }
    }
}
