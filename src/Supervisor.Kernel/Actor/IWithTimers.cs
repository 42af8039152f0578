namespace Supervisor.Kernel.Actor;

/// <summary>Opt in to keyed timers; the kernel sets <see cref="Timers"/> before the constructor body runs.</summary>
public interface IWithTimers
{
    /// <summary>This incarnation's timers.</summary>
    ITimerScheduler Timers { get; set; }
}
