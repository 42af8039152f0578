namespace Supervisor.Kernel.Actor;

/// <summary>Queued like any message; the actor stops when it reaches it, after everything sent before.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<PoisonPill>";
}
