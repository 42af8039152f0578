namespace Supervisor.Kernel.Actor;

/// <summary>Sent after the idle period set with <see cref="IActorContext.SetReceiveTimeout"/>, again after each idle period.</summary>
public sealed class ReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<ReceiveTimeout>";
}
