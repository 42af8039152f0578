using Xunit.Sdk;

namespace Supervisor.TestKit;

public abstract partial class TestKitBase
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="condition"/> every <paramref name="interval"/> until it holds or <paramref name="max"/> passes.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (!PollUntil(condition, RemainingOrDilated(max), interval ?? DefaultInterval))
        {
            throw new XunitException($"AwaitCondition: timeout ({max ?? RemainingOrDefault}) waiting for {message ?? "the condition"}");
        }
    }

    /// <summary>Polls <paramref name="condition"/>; returns whether it came to hold in time.</summary>
    public bool AwaitConditionNoThrow(Func<bool> condition, TimeSpan max, TimeSpan? interval = null) =>
        PollUntil(condition, Dilated(max), interval ?? DefaultInterval);

    /// <summary>Runs <paramref name="assertion"/> until it passes or <paramref name="duration"/> passes; then rethrows its last failure.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = Now + RemainingOrDilated(duration);
        using var pause = new ManualResetEventSlim(false);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (Now < deadline)
            {
                pause.Wait(interval ?? DefaultInterval);
            }
        }
    }

    /// <summary>Async twin of <see cref="AwaitAssert"/>.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = Now + RemainingOrDilated(duration);
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (Now < deadline)
            {
                await Task.Delay(interval ?? DefaultInterval).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Async twin of <see cref="AwaitCondition"/>.</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Now + RemainingOrDilated(max);
        while (!condition())
        {
            if (Now >= deadline)
            {
                throw new XunitException($"AwaitConditionAsync: timeout ({max ?? RemainingOrDefault}) waiting for {message ?? "the condition"}");
            }
            await Task.Delay(interval ?? DefaultInterval).ConfigureAwait(false);
        }
    }

    private static bool PollUntil(Func<bool> condition, TimeSpan max, TimeSpan interval)
    {
        var deadline = Now + max;
        using var pause = new ManualResetEventSlim(false);
        while (!condition())
        {
            if (Now >= deadline)
            {
                return false;
            }
            pause.Wait(interval);
        }
        return true;
    }
}
