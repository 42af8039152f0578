using System.Collections.Concurrent;
using System.Diagnostics;
using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Dispatch;

/// <summary>
/// One actor's queues and its run loop on the thread pool. Invariants:
/// <list type="bullet">
/// <item>At most one thread runs <see cref="Execute"/> at a time (the <c>Scheduled</c> bit), so the owner
/// sees its messages one at a time and every field marked "run thread" needs no lock.</item>
/// <item>System messages are drained before the first user message of a turn and again after each one.</item>
/// <item>User messages are FIFO: the queue is a linearizable FIFO, so the order of two tells from one sender
/// is kept.</item>
/// </list>
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Scheduled = 1;
    private const int Closed = 2;

    private readonly ConcurrentQueue<Envelope> _userQueue = new();
    private readonly ConcurrentQueue<SystemMessage> _systemQueue = new();
    private readonly int _throughput;
    private IMailboxOwner _owner = null!;
    private int _status;

    // Run thread only: messages put back at the front (unstash). A stack, so pushing in reverse order
    // puts a batch at the front in its original order.
    private Stack<Envelope>? _prepended;

    // Run thread only: suspensions are applied and lifted by system messages, which the run loop processes.
    private int _suspendCount;

    public Mailbox(int throughput)
    {
        Debug.Assert(throughput > 0);
        _throughput = throughput;
    }

    public bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    /// <summary>Whether user messages are held back (run thread only).</summary>
    public bool IsSuspended => _suspendCount > 0;

    public int NumberOfMessages => _userQueue.Count + (_prepended?.Count ?? 0);

    public void SetOwner(IMailboxOwner owner) => _owner = owner;

    public void Post(in Envelope envelope)
    {
        _userQueue.Enqueue(envelope);
        // The enqueue must be visible before we read the status, or a run loop finishing right now could
        // miss it (store-load ordering), stranding the message until the next post.
        Interlocked.MemoryBarrier();
        if (IsClosed)
        {
            DrainUserQueue();
            return;
        }
        TrySchedule();
    }

    public void PostSystem(SystemMessage message)
    {
        _systemQueue.Enqueue(message);
        Interlocked.MemoryBarrier();
        if (IsClosed)
        {
            DrainSystemQueue();
            return;
        }
        TrySchedule();
    }

    /// <summary>Puts envelopes at the front, in their order (run thread only).</summary>
    public void PrependAll(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }
        _prepended ??= new Stack<Envelope>();
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            _prepended.Push(envelopes[i]);
        }
    }

    public void Suspend() => _suspendCount++;

    public void Resume()
    {
        Debug.Assert(_suspendCount > 0, "resume without a matching suspend");
        if (_suspendCount > 0)
        {
            _suspendCount--;
        }
    }

    /// <summary>Closes for good and hands everything still queued to the owner's dead-letter path.</summary>
    public void Close()
    {
        Interlocked.Or(ref _status, Closed);
        // Close runs on the run thread, the only one that touches _prepended.
        while (_prepended is { Count: > 0 } && _prepended.TryPop(out var prepended))
        {
            _owner.DeliverToDeadLetters(in prepended);
        }
        DrainUserQueue();
        DrainSystemQueue();
    }

    /// <summary>Starts a run if none is scheduled; used after a resume from outside the run loop.</summary>
    public void TrySchedule()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & (Scheduled | Closed)) != 0)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _status, status | Scheduled, status) == status)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }
        }
    }

    public void Execute()
    {
        try
        {
            Run();
        }
        finally
        {
            Interlocked.And(ref _status, ~Scheduled);
            if (HasWork())
            {
                TrySchedule();
            }
        }
    }

    private void Run()
    {
        ProcessSystemMessages();
        var left = _throughput;
        while (left-- > 0 && _suspendCount == 0 && !IsClosed && TryDequeueUser(out var envelope))
        {
            _owner.Invoke(in envelope);
            ProcessSystemMessages();
        }
    }

    private void ProcessSystemMessages()
    {
        while (!IsClosed && _systemQueue.TryDequeue(out var message))
        {
            _owner.InvokeSystem(message);
        }
    }

    private bool TryDequeueUser(out Envelope envelope)
    {
        if (_prepended is { Count: > 0 })
        {
            envelope = _prepended.Pop();
            return true;
        }
        return _userQueue.TryDequeue(out envelope);
    }

    private bool HasWork()
    {
        if (IsClosed)
        {
            return false;
        }
        return !_systemQueue.IsEmpty
            || (_suspendCount == 0 && (!_userQueue.IsEmpty || _prepended is { Count: > 0 }));
    }

    private void DrainUserQueue()
    {
        // Called on the run thread at close, or by a poster that lost the race with the close; each
        // envelope is dequeued exactly once, so concurrent drains never deliver one twice.
        while (_userQueue.TryDequeue(out var envelope))
        {
            _owner.DeliverToDeadLetters(in envelope);
        }
    }

    private void DrainSystemQueue()
    {
        while (_systemQueue.TryDequeue(out var message))
        {
            _owner.SystemMessageAfterClose(message);
        }
    }
}
