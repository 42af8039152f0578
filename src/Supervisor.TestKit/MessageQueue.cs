namespace Supervisor.TestKit;

/// <summary>The test actor's inbox: filled on the actor's turn, drained by the test thread with timeouts (sync or async).</summary>
internal sealed class MessageQueue
{
    private readonly Lock _lock = new();
    private readonly Queue<MessageEnvelope> _queue = new();
    private readonly SemaphoreSlim _available = new(0);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public void Enqueue(MessageEnvelope envelope)
    {
        lock (_lock)
        {
            _queue.Enqueue(envelope);
        }
        _available.Release();
    }

    public bool TryTake(TimeSpan timeout, out MessageEnvelope envelope)
    {
        if (!_available.Wait(Clamp(timeout)))
        {
            envelope = default;
            return false;
        }
        envelope = Dequeue();
        return true;
    }

    public async Task<MessageEnvelope?> TryTakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await _available.WaitAsync(Clamp(timeout), cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return Dequeue();
    }

    private MessageEnvelope Dequeue()
    {
        lock (_lock)
        {
            return _queue.Dequeue();
        }
    }

    private static TimeSpan Clamp(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? timeout : timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout;
}
