namespace Supervisor.Kernel.Event;

/// <summary>Active mute filters: log entries they match are published but not written (TestKit's EventFilter adds them).</summary>
public sealed class LogFilters
{
    private readonly Lock _lock = new();
    private Func<LogEvent, bool>[] _filters = [];

    /// <summary>Mutes matching entries until the returned handle is disposed.</summary>
    public IDisposable Mute(Func<LogEvent, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_lock)
        {
            _filters = [.. _filters, filter];
        }
        return new Unmute(this, filter);
    }

    /// <summary>Whether any active filter matches.</summary>
    public bool IsMuted(LogEvent logEvent)
    {
        foreach (var filter in Volatile.Read(ref _filters))
        {
            if (filter(logEvent))
            {
                return true;
            }
        }
        return false;
    }

    private void Remove(Func<LogEvent, bool> filter)
    {
        lock (_lock)
        {
            _filters = Array.FindAll(_filters, f => !ReferenceEquals(f, filter));
        }
    }

    private sealed class Unmute(LogFilters owner, Func<LogEvent, bool> filter) : IDisposable
    {
        public void Dispose() => owner.Remove(filter);
    }
}
