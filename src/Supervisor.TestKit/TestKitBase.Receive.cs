using Supervisor.Kernel.Actor;
using Xunit.Sdk;

namespace Supervisor.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>Takes the next message, or null if none arrives within <paramref name="max"/>.</summary>
    public object? ReceiveOne(TimeSpan? max = null) => TryReceiveOne(RemainingOrDilated(max), out var envelope) ? envelope.Message : null;

    /// <summary>Takes the next message with its sender, if one arrives within <paramref name="max"/>.</summary>
    public bool TryReceiveOne(TimeSpan max, out MessageEnvelope envelope)
    {
        _lastWasNoMsg = false;
        if (!_queue.TryTake(max, out envelope))
        {
            return false;
        }
        Record(envelope);
        return true;
    }

    /// <summary>Takes exactly <paramref name="count"/> messages within <paramref name="max"/> (in total).</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? max = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var deadline = Now + RemainingOrDilated(max);
        var messages = new List<object>(count);
        for (var i = 0; i < count; i++)
        {
            if (!TryReceiveOne(Max(deadline - Now, TimeSpan.Zero), out var envelope))
            {
                throw new XunitException($"ReceiveN: timeout ({max ?? RemainingOrDefault}) after {i} of {count} messages");
            }
            messages.Add(envelope.Message);
        }
        return messages;
    }

    /// <summary>Takes messages while they are <typeparamref name="T"/> and match <paramref name="filter"/>, until <paramref name="max"/>, an idle gap of <paramref name="idle"/>, or <paramref name="msgs"/> messages.</summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Func<T, bool>? filter = null, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue)
    {
        var deadline = Now + RemainingOrDilated(max);
        var received = new List<T>();
        while (received.Count < msgs)
        {
            var wait = Max(deadline - Now, TimeSpan.Zero);
            if (idle is { } gap && gap < wait)
            {
                wait = gap;
            }
            if (!_queue.TryTake(wait, out var envelope))
            {
                break;
            }
            if (envelope.Message is not T typed || (filter is not null && !filter(typed)))
            {
                // Akka puts the non-matching message back at the front; tests rarely rely on it, so we fail loudly instead.
                throw new XunitException($"ReceiveWhile<{typeof(T).Name}>: stopped at a non-matching message {envelope.Message}");
            }
            Record(envelope);
            received.Add(typed);
        }
        _lastWasNoMsg = true;
        return received;
    }

    /// <summary>Skips messages until one of type <typeparamref name="T"/> matches <paramref name="isMessage"/>, and returns it.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? max = null, string hint = "")
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var deadline = Now + RemainingOrDilated(max);
        while (true)
        {
            var left = deadline - Now;
            if (left <= TimeSpan.Zero || !TryReceiveOne(left, out var envelope))
            {
                throw new XunitException($"FishForMessage<{typeof(T).Name}>: timeout ({max ?? RemainingOrDefault}) without a match. {hint}");
            }
            if (envelope.Message is T typed && isMessage(typed))
            {
                return typed;
            }
        }
    }

    /// <summary>Async twin of <see cref="FishForMessage{T}"/>.</summary>
    public Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? max = null, string hint = "") =>
        Task.Run(() => FishForMessage(isMessage, max, hint));
}
