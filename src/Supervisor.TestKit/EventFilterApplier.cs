using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Event;
using Xunit.Sdk;

namespace Supervisor.TestKit;

/// <summary>Counts matching events while a block runs (muting matching log output) and asserts the count.</summary>
public sealed class EventFilterApplier
{
    private readonly TestKitBase _kit;
    private readonly Type _channel;
    private readonly Func<object, bool> _matches;
    private readonly Func<LogEvent, bool>? _mute;
    private readonly string _description;

    internal EventFilterApplier(TestKitBase kit, Type channel, Func<object, bool> matches, Func<LogEvent, bool>? mute, string description)
    {
        _kit = kit;
        _channel = channel;
        _matches = matches;
        _mute = mute;
        _description = description;
    }

    /// <summary>Exactly one matching event while (or shortly after) <paramref name="action"/> runs.</summary>
    public void ExpectOne(Action action) => Expect(1, action);

    /// <summary>Exactly <paramref name="expected"/> matching events, waiting up to the filter leeway for them.</summary>
    public void Expect(int expected, Action action) => Expect(expected, _kit.TestKitSettings.FilterLeeway, action);

    /// <summary>Exactly <paramref name="expected"/> matching events, waiting up to <paramref name="timeout"/> for them.</summary>
    public void Expect(int expected, TimeSpan timeout, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var count = 0;
        using var arrived = new SemaphoreSlim(0);
        using var subscription = Subscribe(() =>
        {
            Interlocked.Increment(ref count);
            arrived.Release();
        });
        action();
        var deadline = Environment.TickCount64 + (long)_kit.Dilated(timeout).TotalMilliseconds;
        while (Volatile.Read(ref count) < expected)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0 || !arrived.Wait(TimeSpan.FromMilliseconds(left)))
            {
                break;
            }
        }
        var seen = Volatile.Read(ref count);
        if (seen != expected)
        {
            throw new XunitException($"EventFilter {_description}: expected {expected} event(s) but saw {seen}");
        }
    }

    /// <summary>Async twin of <see cref="ExpectOne"/>.</summary>
    public Task ExpectOneAsync(Func<Task> action) => Task.Run(() => ExpectOne(() => action().GetAwaiter().GetResult()));

    /// <summary>Suppresses matching log output while <paramref name="action"/> runs.</summary>
    public void Mute(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var muted = Mute();
        action();
    }

    /// <summary>Suppresses matching log output until the handle is disposed.</summary>
    public IDisposable Mute() => _mute is null ? new Subscription(null, null) : _kit.LogFilters.Mute(_mute);

    private Subscription Subscribe(Action onMatch)
    {
        var system = _kit.Sys;
        var listener = new CallbackActorRef(system, system.TempPath(), (message, _) =>
        {
            if (_matches(message))
            {
                onMatch();
            }
        });
        system.EventStream.Subscribe(listener, _channel);
        var mute = _mute is null ? null : _kit.LogFilters.Mute(_mute);
        return new Subscription(() => system.EventStream.Unsubscribe(listener), mute);
    }

    private sealed class Subscription(Action? unsubscribe, IDisposable? mute) : IDisposable
    {
        public void Dispose()
        {
            unsubscribe?.Invoke();
            mute?.Dispose();
        }
    }
}
