namespace Supervisor.Kernel.Actor;

/// <summary>Implements the tell variants over one primitive: run a callback once or periodically.</summary>
public abstract class SchedulerBase : IScheduler
{
    /// <inheritdoc />
    public abstract DateTimeOffset Now { get; }

    /// <inheritdoc />
    public abstract TimeSpan MonotonicClock { get; }

    /// <summary>Runs <paramref name="callback"/> with <paramref name="state"/> after <paramref name="delay"/>, then every <paramref name="interval"/> if given.</summary>
    protected abstract ICancelable Schedule(TimeSpan delay, TimeSpan? interval, Action<object?> callback, object? state);

    /// <inheritdoc />
    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        ScheduleTellOnceCancelable(delay, receiver, message, sender);

    /// <inheritdoc />
    public ICancelable ScheduleTellOnceCancelable(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(delay, null, static s => ((ScheduledTell)s!).Run(), new ScheduledTell(receiver, message, sender));
    }

    /// <inheritdoc />
    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender) =>
        ScheduleTellRepeatedlyCancelable(initialDelay, interval, receiver, message, sender);

    /// <inheritdoc />
    public ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Schedule(initialDelay, interval, static s => ((ScheduledTell)s!).Run(), new ScheduledTell(receiver, message, sender));
    }

    /// <inheritdoc />
    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Schedule(delay, null, static s => ((Action)s!)(), action);
    }

    private sealed record ScheduledTell(ICanTell Receiver, object Message, IActorRef? Sender)
    {
        public void Run() => Receiver.Tell(Message, Sender);
    }
}
