using Supervisor.Kernel.Actor;

namespace Supervisor.TestKit;

/// <summary>
/// Virtual time: nothing fires until the test calls <see cref="Advance"/>, which runs everything due in due order
/// (ties in scheduling order) on the calling thread. Timers, receive timeouts, backoff delays, restart windows and
/// ask timeouts all go through the scheduler, so a test controls all of them. A delay of zero or less runs at once.
/// </summary>
public sealed class TestScheduler : SchedulerBase
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<Item, (TimeSpan Due, long Sequence)> _queue = new();
    private readonly DateTimeOffset _start;
    private TimeSpan _elapsed;
    private long _sequence;

    /// <summary>Creates a virtual clock starting at <paramref name="start"/> (default: 2026-01-01 UTC).</summary>
    public TestScheduler(DateTimeOffset? start = null)
    {
        _start = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <inheritdoc />
    public override DateTimeOffset Now
    {
        get
        {
            lock (_lock)
            {
                return _start + _elapsed;
            }
        }
    }

    /// <inheritdoc />
    public override TimeSpan MonotonicClock
    {
        get
        {
            lock (_lock)
            {
                return _elapsed;
            }
        }
    }

    /// <summary>Scheduled items not yet run or cancelled.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                var count = 0;
                foreach (var (item, _) in _queue.UnorderedItems)
                {
                    if (!item.IsCancellationRequested)
                    {
                        count++;
                    }
                }
                return count;
            }
        }
    }

    /// <summary>Moves the clock forward by <paramref name="offset"/>, running everything that falls due.</summary>
    public void Advance(TimeSpan offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offset, TimeSpan.Zero);
        TimeSpan target;
        lock (_lock)
        {
            target = _elapsed + offset;
        }
        AdvanceToElapsed(target);
    }

    /// <summary>Moves the clock to <paramref name="when"/>, running everything that falls due.</summary>
    public void AdvanceTo(DateTimeOffset when) => AdvanceToElapsed(when - _start);

    /// <inheritdoc />
    protected override ICancelable Schedule(TimeSpan delay, TimeSpan? interval, Action<object?> callback, object? state)
    {
        var item = new Item(callback, state, interval);
        if (delay <= TimeSpan.Zero && interval is null)
        {
            callback(state);
            item.Cancel();
            return item;
        }
        lock (_lock)
        {
            _queue.Enqueue(item, (_elapsed + Max(delay, TimeSpan.Zero), _sequence++));
        }
        return item;
    }

    private void AdvanceToElapsed(TimeSpan target)
    {
        while (true)
        {
            Item item;
            TimeSpan due;
            lock (_lock)
            {
                if (!_queue.TryPeek(out item!, out var priority) || priority.Due > target)
                {
                    if (target > _elapsed)
                    {
                        _elapsed = target;
                    }
                    return;
                }
                _queue.Dequeue();
                due = priority.Due;
                _elapsed = Max(_elapsed, due);
            }
            if (item.IsCancellationRequested)
            {
                continue;
            }
            item.Run();
            if (item.Interval is { } interval && !item.IsCancellationRequested)
            {
                lock (_lock)
                {
                    _queue.Enqueue(item, (due + interval, _sequence++));
                }
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Item(Action<object?> callback, object? state, TimeSpan? interval) : ICancelable
    {
        private volatile bool _cancelled;

        public TimeSpan? Interval { get; } = interval;

        public bool IsCancellationRequested => _cancelled;

        public void Cancel() => _cancelled = true;

        public void Run() => callback(state);
    }
}
