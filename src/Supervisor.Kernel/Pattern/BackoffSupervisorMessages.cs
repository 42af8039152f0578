using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Pattern;

public sealed partial class BackoffSupervisor
{
    /// <summary>Asks for the current child; the reply is <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        private GetCurrentChild()
        {
        }

        /// <summary>The single instance.</summary>
        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The current child, or <see cref="ActorRefs.Nobody"/> while waiting to re-create it.</summary>
    public sealed record CurrentChild(IActorRef Ref);

    /// <summary>Resets the restart count (manual reset).</summary>
    public sealed class Reset
    {
        private Reset()
        {
        }

        /// <summary>The single instance.</summary>
        public static Reset Instance { get; } = new();
    }

    /// <summary>Asks for the restart count; the reply is <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        private GetRestartCount()
        {
        }

        /// <summary>The single instance.</summary>
        public static GetRestartCount Instance { get; } = new();
    }

    /// <summary>How many times the child has been re-created since the last reset.</summary>
    public sealed record RestartCount(int Count);

    private sealed record StartChild;

    private sealed record ResetRestartCount(int Current);
}
