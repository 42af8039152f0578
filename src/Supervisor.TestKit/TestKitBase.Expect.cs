using Supervisor.Kernel.Actor;
using Xunit.Sdk;

namespace Supervisor.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>Expects a message of type <typeparamref name="T"/> within <paramref name="duration"/> (default: remaining or 3 s).</summary>
    public T ExpectMsg<T>(TimeSpan? duration = null, string? hint = null) =>
        ExpectMsgEnvelope<T>(duration, hint, check: null).Message is T typed ? typed : default!;

    /// <summary>Expects a message equal to <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? duration = null, string? hint = null) =>
        (T)ExpectMsgEnvelope<T>(duration, hint, (m, _) =>
        {
            if (!Equals(m, expected))
            {
                throw new XunitException($"ExpectMsg: expected {expected} but got {m}. {hint}");
            }
        }).Message;

    /// <summary>Expects a message of type <typeparamref name="T"/> for which <paramref name="isMessage"/> holds.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? duration = null, string? hint = null) =>
        (T)ExpectMsgEnvelope<T>(duration, hint, (m, _) =>
        {
            if (!isMessage(m))
            {
                throw new XunitException($"ExpectMsg<{typeof(T).Name}>: predicate does not hold for {m}. {hint}");
            }
        }).Message;

    /// <summary>Expects a message of type <typeparamref name="T"/> and runs <paramref name="assertion"/> on it.</summary>
    public T ExpectMsg<T>(Action<T> assertion, TimeSpan? duration = null, string? hint = null) =>
        (T)ExpectMsgEnvelope<T>(duration, hint, (m, _) => assertion(m)).Message;

    /// <summary>Expects a message of type <typeparamref name="T"/> and runs <paramref name="assertion"/> on it and its sender.</summary>
    public T ExpectMsg<T>(Action<T, IActorRef> assertion, TimeSpan? duration = null, string? hint = null) =>
        (T)ExpectMsgEnvelope<T>(duration, hint, assertion).Message;

    /// <summary>Expects a message of type <typeparamref name="T"/> from <paramref name="sender"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null) =>
        (T)ExpectMsgEnvelope<T>(duration, hint, (m, s) =>
        {
            if (!ReferenceEquals(s, sender))
            {
                throw new XunitException($"ExpectMsgFrom: expected sender {sender} but got {s} for {m}. {hint}");
            }
        }).Message;

    /// <summary>Asserts that no message arrives within <paramref name="duration"/>.</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        if (_queue.TryTake(Dilated(duration), out var envelope))
        {
            Record(envelope);
            throw new XunitException($"ExpectNoMsg: received unexpected {envelope.Message} from {envelope.Sender}");
        }
        _lastWasNoMsg = true;
    }

    /// <summary>Asserts that no message arrives in the remaining time (3 s outside <c>Within</c>: prefer the overload with a duration).</summary>
    public void ExpectNoMsg() => ExpectNoMsg(RemainingOrDefault);

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="target"/> (watch it first with <see cref="Watch"/>).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null, string? hint = null) =>
        ExpectMsg<Terminated>(t => ReferenceEquals(t.ActorRef, target), timeout, hint ?? $"Terminated of {target}");

    /// <summary>Async twin of <see cref="ExpectMsg{T}(TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default)
    {
        var wait = RemainingOrDilated(duration);
        var envelope = await _queue.TryTakeAsync(wait, cancellationToken).ConfigureAwait(false)
            ?? throw new XunitException($"ExpectMsgAsync<{typeof(T).Name}>: timeout ({wait}) while waiting. {hint}");
        Record(envelope);
        return envelope.Message is T typed
            ? typed
            : throw new XunitException($"ExpectMsgAsync<{typeof(T).Name}>: got {envelope.Message.GetType().Name} {envelope.Message}. {hint}");
    }

    /// <summary>Async twin of <see cref="ExpectNoMsg(TimeSpan)"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (await _queue.TryTakeAsync(Dilated(duration), cancellationToken).ConfigureAwait(false) is { } envelope)
        {
            Record(envelope);
            throw new XunitException($"ExpectNoMsgAsync: received unexpected {envelope.Message} from {envelope.Sender}");
        }
    }

    /// <summary>Async twin of <see cref="ExpectTerminated"/>.</summary>
    public async Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var terminated = await ExpectMsgAsync<Terminated>(timeout, $"Terminated of {target}", cancellationToken).ConfigureAwait(false);
        return ReferenceEquals(terminated.ActorRef, target)
            ? terminated
            : throw new XunitException($"ExpectTerminatedAsync: expected Terminated of {target} but got it for {terminated.ActorRef}");
    }

    private MessageEnvelope ExpectMsgEnvelope<T>(TimeSpan? duration, string? hint, Action<T, IActorRef>? check)
    {
        var wait = RemainingOrDilated(duration);
        if (!TryReceiveOne(wait, out var envelope))
        {
            throw new XunitException($"ExpectMsg<{typeof(T).Name}>: timeout ({wait}) while waiting. {hint}");
        }
        if (envelope.Message is not T typed)
        {
            throw new XunitException($"ExpectMsg<{typeof(T).Name}>: got {envelope.Message.GetType().Name} {envelope.Message} from {envelope.Sender}. {hint}");
        }
        check?.Invoke(typed, envelope.Sender);
        return envelope;
    }
}
