namespace Supervisor.Kernel.Actor;

/// <summary>
/// Keyed timers that send messages to the actor itself. Starting a key that is in use cancels the old timer,
/// and the old timer's message is never received, even if it was already queued. All timers are cancelled on
/// restart and stop. Use only from the actor's own message handling.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="msg"/> once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef? sender = null);

    /// <summary>Sends <paramref name="msg"/> every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef? sender = null);

    /// <summary>Sends <paramref name="msg"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef? sender = null);

    /// <summary>Whether a timer with this key is running.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels one timer; its queued message, if any, is dropped.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer.</summary>
    void CancelAll();
}
