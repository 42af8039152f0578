namespace Supervisor.Kernel.Actor;

/// <summary>The <c>/user</c> and <c>/system</c> guardians: parents of top-level actors that handle no messages themselves.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message) => false;

    // Top-level actors survive a guardian restart (there is none by default: the root stops a failed guardian).
    protected override void PreRestart(Exception reason, object? message)
    {
    }
}
