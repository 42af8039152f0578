using Supervisor.Kernel.Actor;

namespace Supervisor.TestKit;

/// <summary>Answers messages on a test actor's behalf; returns the pilot for the next message.</summary>
public abstract class AutoPilot
{
    /// <summary>Stop auto-piloting.</summary>
    public static AutoPilot NoAutoPilot { get; } = new DelegateAutoPilot(static (_, _) => NoAutoPilot!);

    /// <summary>Keep the current pilot.</summary>
    public static AutoPilot KeepRunning { get; } = new DelegateAutoPilot(static (_, _) => KeepRunning!);

    /// <summary>Handles one message and returns the pilot for the next.</summary>
    public abstract AutoPilot Run(IActorRef sender, object message);
}
