namespace Supervisor.Kernel.Actor;

/// <summary>A parent's record of one child: its reference, restart budget, and whether it is being stopped.</summary>
internal sealed class ChildEntry
{
    public ChildEntry(LocalActorRef actorRef)
    {
        Ref = actorRef;
    }

    public LocalActorRef Ref { get; }

    public ChildRestartStats Stats { get; } = new();

    /// <summary>A stop was sent; its failures are ignored and its name stays taken until it has stopped.</summary>
    public bool Stopping { get; set; }
}
