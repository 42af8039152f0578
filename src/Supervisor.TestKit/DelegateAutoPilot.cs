using Supervisor.Kernel.Actor;

namespace Supervisor.TestKit;

/// <summary>An <see cref="AutoPilot"/> backed by a function.</summary>
public sealed class DelegateAutoPilot : AutoPilot
{
    private readonly Func<IActorRef, object, AutoPilot> _run;

    /// <summary>Wraps <paramref name="run"/>.</summary>
    public DelegateAutoPilot(Func<IActorRef, object, AutoPilot> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _run = run;
    }

    /// <inheritdoc />
    public override AutoPilot Run(IActorRef sender, object message) => _run(sender, message);
}
