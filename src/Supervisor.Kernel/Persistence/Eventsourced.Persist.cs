using System.Diagnostics;
using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Persistence;

public abstract partial class Eventsourced
{
    private static readonly IReadOnlySet<string> NoTags = new HashSet<string>();

    // Events persisted (and deferrals) not yet sent to the journal, in call order.
    private readonly List<BatchEntry> _pending = [];

    // Handlers waiting for their event's write, in call order; the journal confirms in the same order.
    private readonly Queue<PendingInvocation> _invocations = new();
    private List<BatchEntry>? _inFlight;
    private int _pendingStashingInvocations;
    private long _sequenceNr;
    private string? _writerGuid;

    /// <summary>Persists <paramref name="event"/>; commands are held back until <paramref name="handler"/> has run on the stored event.</summary>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull => PersistAllInternal([@event], handler, stashing: true);

    /// <summary>Persists <paramref name="events"/> atomically; commands are held back until every handler has run.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler)
        where TEvent : notnull => PersistAllInternal(events, handler, stashing: true);

    /// <summary>Persists <paramref name="event"/> without holding commands back; the handler still runs in order once stored.</summary>
    protected void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull => PersistAllInternal([@event], handler, stashing: false);

    /// <summary>Persists <paramref name="events"/> atomically without holding commands back.</summary>
    protected void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler)
        where TEvent : notnull => PersistAllInternal(events, handler, stashing: false);

    /// <summary>Runs <paramref name="handler"/> after the handlers of every earlier persist, without writing anything.</summary>
    protected void DeferAsync<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_invocations.Count == 0 && _pending.Count == 0)
        {
            handler(@event);
            return;
        }
        _invocations.Enqueue(new PendingInvocation(@event, e => handler((TEvent)e), Sender, Stashing: false, SequenceNr: 0));
        _pending.Add(new BatchEntry(null));
    }

    private void PersistAllInternal<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler, bool stashing)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        Debug.Assert(ReferenceEquals(ActorCell.Current, Cell), "Persist must be called on the actor's own turn, not from a task continuation.");
        if (IsRecovering)
        {
            throw new InvalidOperationException($"Cannot persist during recovery of [{PersistenceId}]: recovery handlers must only change state.");
        }
        _writerGuid ??= Guid.NewGuid().ToString("N");
        var timestamp = Context.System.Scheduler.Now;
        var batch = new List<IPersistentRepresentation>();
        foreach (var @event in events)
        {
            var sequenceNr = ++_sequenceNr;
            var (payload, tags) = @event is Tagged tagged ? (tagged.Payload, tagged.Tags) : ((object)@event, NoTags);
            batch.Add(new Persistent(payload, sequenceNr, PersistenceId, "", _writerGuid, timestamp, tags));
            _invocations.Enqueue(new PendingInvocation(@event, e => handler((TEvent)e), Sender, stashing, sequenceNr));
            if (stashing)
            {
                _pendingStashingInvocations++;
            }
        }
        if (batch.Count > 0)
        {
            _pending.Add(new BatchEntry(new AtomicWrite(batch)));
        }
    }

    /// <summary>Sends what is pending to the journal, unless a write of this actor is already in flight (they never overlap).</summary>
    private void FlushBatch()
    {
        if (_inFlight is not null || _pending.Count == 0 || _phase != Phase.Processing)
        {
            return;
        }
        var maxBatch = Extension.Settings.MaxMessageBatchSize;
        var take = 0;
        var writes = new List<AtomicWrite>();
        while (take < _pending.Count && writes.Count < maxBatch)
        {
            if (_pending[take].Write is { } atomicWrite)
            {
                writes.Add(atomicWrite);
            }
            take++;
        }
        _inFlight = _pending.GetRange(0, take);
        _pending.RemoveRange(0, take);
        if (writes.Count == 0)
        {
            // Only deferrals: nothing to write, run their handlers now.
            OnWriteCompleted(new WriteCompleted(_instanceId, null, null));
            return;
        }
        var instance = _instanceId;
        var self = Self;
        Task<IReadOnlyList<Exception?>?> write;
        try
        {
            write = Extension.Journal.WriteMessagesAsync(writes);
        }
        catch (Exception cause)
        {
            write = Task.FromException<IReadOnlyList<Exception?>?>(cause);
        }
        write.ContinueWith(
            t => self.Tell(new WriteCompleted(instance, t.IsCompletedSuccessfully ? t.Result : null, Failure(t)), ActorRefs.NoSender),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnWriteCompleted(WriteCompleted completed)
    {
        var batch = _inFlight;
        if (batch is null || _phase != Phase.Processing)
        {
            return;
        }
        _inFlight = null;
        if (completed.Failure is not null)
        {
            var first = _invocations.Peek();
            OnPersistFailure(completed.Failure, first.Event, first.SequenceNr);
            StopAfterFailure();
            return;
        }
        var writeIndex = 0;
        var commandSender = Cell.CurrentEnvelope.Sender;
        foreach (var entry in batch)
        {
            if (entry.Write is null)
            {
                Invoke(_invocations.Dequeue(), rejected: null);
                continue;
            }
            var rejection = completed.Rejections is { } rejections && writeIndex < rejections.Count ? rejections[writeIndex] : null;
            writeIndex++;
            for (var i = 0; i < entry.Write.Payload.Count; i++)
            {
                Invoke(_invocations.Dequeue(), rejection);
            }
        }
        Cell.SetCurrentSender(commandSender);
        if (_pendingStashingInvocations == 0)
        {
            UnstashInternally();
        }
        FlushBatch();
    }

    private void Invoke(PendingInvocation invocation, Exception? rejected)
    {
        if (invocation.Stashing)
        {
            _pendingStashingInvocations--;
        }
        if (invocation.SequenceNr > 0)
        {
            LastSequenceNr = invocation.SequenceNr;
        }
        if (rejected is not null)
        {
            OnPersistRejected(rejected, invocation.Event, invocation.SequenceNr);
            return;
        }
        // The handler sees the sender of the command that persisted the event.
        Cell.SetCurrentSender(invocation.Sender);
        invocation.Handler(invocation.Event);
    }

    private sealed record BatchEntry(AtomicWrite? Write);

    private sealed record PendingInvocation(object Event, Action<object> Handler, IActorRef? Sender, bool Stashing, long SequenceNr);
}
