namespace Supervisor.Kernel.Actor;

/// <summary>
/// All kernel time goes through this: timers, receive timeouts, backoff, ask timeouts and restart windows.
/// The TestKit swaps in a virtual clock so all of them run on virtual time.
/// </summary>
public interface IScheduler
{
    /// <summary>The scheduler's wall-clock time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Monotonic time since the scheduler started.</summary>
    TimeSpan MonotonicClock { get; }

    /// <summary>Tells <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Tells <paramref name="message"/> once after <paramref name="delay"/> unless cancelled first.</summary>
    ICancelable ScheduleTellOnceCancelable(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Tells <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Like <see cref="ScheduleTellRepeatedly"/>, until cancelled.</summary>
    ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> unless cancelled first; it must be quick and thread-safe.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}
