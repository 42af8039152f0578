namespace Supervisor.Kernel.Actor;

/// <summary>
/// Makes the actor fail with <see cref="ActorKilledException"/> when processed; the default decider
/// stops it, but it is a failure, so a custom strategy may resume or restart instead.
/// </summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<Kill>";
}
