using Xunit.Sdk;

namespace Supervisor.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>Runs <paramref name="action"/>, which must finish within <paramref name="max"/>; its expectations default to the time left.</summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Runs <paramref name="action"/>, which must take between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public void Within(TimeSpan min, TimeSpan max, Action action) =>
        Within<object?>(min, max, () =>
        {
            action();
            return null;
        });

    /// <summary>Runs <paramref name="function"/> within <paramref name="max"/> and returns its result.</summary>
    public T Within<T>(TimeSpan max, Func<T> function) => Within(TimeSpan.Zero, max, function);

    /// <summary>Runs <paramref name="function"/>, which must take between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var dilatedMax = Dilated(max);
        var start = Now;
        var previous = _end;
        var budget = previous is { } outer && outer - start < dilatedMax ? outer - start : dilatedMax;
        _end = start + budget;
        _lastWasNoMsg = false;
        T result;
        try
        {
            result = function();
        }
        finally
        {
            _end = previous;
        }
        var elapsed = Now - start;
        if (elapsed < min)
        {
            throw new XunitException($"Within: block took {elapsed}, less than the minimum {min}");
        }
        // A block ending in ExpectNoMsg / ReceiveWhile uses up its time on purpose (as in Akka).
        if (!_lastWasNoMsg && elapsed > budget)
        {
            throw new XunitException($"Within: block took {elapsed}, more than {budget}");
        }
        return result;
    }
}
