namespace Supervisor.Kernel.Actor;

/// <summary>The production scheduler: timers of a <see cref="TimeProvider"/> (the system clock by default).</summary>
public sealed class TimeProviderScheduler : SchedulerBase, IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>Creates a scheduler on <paramref name="timeProvider"/>.</summary>
    public TimeProviderScheduler(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _start = _time.GetTimestamp();
    }

    /// <inheritdoc />
    public override DateTimeOffset Now => _time.GetUtcNow();

    /// <inheritdoc />
    public override TimeSpan MonotonicClock => _time.GetElapsedTime(_start);

    /// <summary>Cancels everything still scheduled; used when the actor system terminates.</summary>
    public void Dispose() => _shutdown.Cancel();

    /// <inheritdoc />
    protected override ICancelable Schedule(TimeSpan delay, TimeSpan? interval, Action<object?> callback, object? state)
    {
        var item = new TimerItem(callback, state, _shutdown.Token);
        if (_shutdown.IsCancellationRequested)
        {
            item.Cancel();
            return item;
        }
        item.Start(_time, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, interval ?? Timeout.InfiniteTimeSpan);
        return item;
    }

    private sealed class TimerItem : ICancelable
    {
        private readonly Action<object?> _callback;
        private readonly object? _state;
        private readonly CancellationToken _shutdown;
        private ITimer? _timer;
        private volatile bool _cancelled;

        public TimerItem(Action<object?> callback, object? state, CancellationToken shutdown)
        {
            _callback = callback;
            _state = state;
            _shutdown = shutdown;
        }

        public bool IsCancellationRequested => _cancelled || _shutdown.IsCancellationRequested;

        public void Start(TimeProvider time, TimeSpan due, TimeSpan period)
        {
            _timer = time.CreateTimer(static s => ((TimerItem)s!).Fire(), this, due, period);
            if (_cancelled)
            {
                _timer.Dispose();
            }
        }

        public void Cancel()
        {
            _cancelled = true;
            _timer?.Dispose();
        }

        private void Fire()
        {
            if (IsCancellationRequested)
            {
                _timer?.Dispose();
                return;
            }
            _callback(_state);
        }
    }
}
