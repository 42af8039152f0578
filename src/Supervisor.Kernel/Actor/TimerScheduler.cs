namespace Supervisor.Kernel.Actor;

/// <summary>
/// One incarnation's keyed timers. Each start gets a new generation; a message whose generation or owner
/// is not current when it arrives is dropped, which is how "never received after re-keying" holds.
/// </summary>
internal sealed class TimerScheduler : ITimerScheduler
{
    private readonly ActorCell _cell;
    private readonly Dictionary<object, ActiveTimer> _timers = new();
    private int _generation;

    public TimerScheduler(ActorCell cell)
    {
        _cell = cell;
    }

    public void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef? sender = null) =>
        Start(key, msg, timeout, interval: null, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef? sender = null) =>
        Start(key, msg, interval, interval, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef? sender = null) =>
        Start(key, msg, initialDelay, interval, sender);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer))
        {
            timer.Task.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Task.Cancel();
        }
        _timers.Clear();
    }

    /// <summary>Unwraps a timer message if it is still current; a single timer is then no longer active.</summary>
    public bool TryAccept(TimerMessage message, out object payload)
    {
        payload = message.Message;
        if (!ReferenceEquals(message.Owner, this)
            || !_timers.TryGetValue(message.Key, out var timer)
            || timer.Generation != message.Generation)
        {
            return false;
        }
        if (!timer.Repeating)
        {
            _timers.Remove(message.Key);
        }
        return true;
    }

    private void Start(object key, object msg, TimeSpan delay, TimeSpan? interval, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        Cancel(key);
        var generation = ++_generation;
        var wrapped = new TimerMessage(key, generation, this, msg);
        var scheduler = _cell.System.Scheduler;
        var task = interval is { } every
            ? scheduler.ScheduleTellRepeatedlyCancelable(delay, every, _cell.SelfRef, wrapped, sender)
            : scheduler.ScheduleTellOnceCancelable(delay, _cell.SelfRef, wrapped, sender);
        _timers[key] = new ActiveTimer(generation, interval is not null, task);
    }

    private sealed record ActiveTimer(int Generation, bool Repeating, ICancelable Task);
}
