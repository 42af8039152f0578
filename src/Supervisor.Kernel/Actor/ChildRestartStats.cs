namespace Supervisor.Kernel.Actor;

/// <summary>
/// A child's restart budget, kept by the parent. The rules are Akka's exactly:
/// retries 0 never restart; retries without a window count over the child's whole life; with a window,
/// the window opens at the first restart and the first failure after it closes starts a new one with
/// count 1; a window without retries means one retry; neither set means unlimited.
/// </summary>
internal sealed class ChildRestartStats
{
    private int _restartCount;
    private TimeSpan? _windowStart;

    public int RestartCount => _restartCount;

    /// <param name="maxNrOfRetries">Negative for unlimited.</param>
    /// <param name="withinTimeRange">Null or infinite for no window.</param>
    /// <param name="now">Monotonic time from the kernel's scheduler.</param>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? withinTimeRange, TimeSpan now)
    {
        var hasWindow = withinTimeRange is { } window && window > TimeSpan.Zero && window != Timeout.InfiniteTimeSpan;
        if (maxNrOfRetries == 0)
        {
            return false;
        }
        if (maxNrOfRetries < 0 && !hasWindow)
        {
            return true;
        }
        if (!hasWindow)
        {
            _restartCount++;
            return _restartCount <= maxNrOfRetries;
        }
        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        return RetriesInWindowOkay(retries, withinTimeRange!.Value, now);
    }

    private bool RetriesInWindowOkay(int retries, TimeSpan window, TimeSpan now)
    {
        var windowStart = _windowStart ??= now;
        if (now - windowStart <= window)
        {
            _restartCount++;
            return _restartCount <= retries;
        }
        // The window has passed: this failure opens a new one.
        _windowStart = now;
        _restartCount = 1;
        return true;
    }
}
