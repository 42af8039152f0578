using System.Threading.Channels;

namespace Supervisor.Host.Http;

/// <summary>
/// What one <c>/api/stream</c> client has not been sent yet: at most one item per account and kind (a newer one
/// replaces it, so a client that reads slowly gets the latest state rather than every intermediate one), and at most
/// <c>capacity</c> of them. A client that falls further behind is dropped: memory per client is bounded whatever the
/// client does.
/// </summary>
internal sealed class StreamClient
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StreamItem> _pending = new(StringComparer.Ordinal);
    // The keys of _pending in the order they first became pending; a key is in here once while its item waits.
    private readonly Channel<string> _keys;

    public StreamClient(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _keys = Channel.CreateBounded<string>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>True once the client fell too far behind; nothing more is queued for it.</summary>
    public bool Dropped { get; private set; }

    /// <summary>Queues <paramref name="item"/> (replacing a waiting one with its key); false once the client is dropped.</summary>
    public bool Offer(StreamItem item)
    {
        lock (_lock)
        {
            if (Dropped)
            {
                return false;
            }
            if (_pending.ContainsKey(item.Key))
            {
                _pending[item.Key] = item;
                return true;
            }
            if (!_keys.Writer.TryWrite(item.Key))
            {
                Dropped = true;
                _pending.Clear();
                _keys.Writer.TryComplete();
                return false;
            }
            _pending[item.Key] = item;
            return true;
        }
    }

    /// <summary>Waits until an item is queued; false once the client was dropped and everything queued was read.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _keys.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>The oldest waiting item, in its newest version.</summary>
    public bool TryRead(out StreamItem? item)
    {
        while (_keys.Reader.TryRead(out var key))
        {
            lock (_lock)
            {
                if (_pending.Remove(key, out item))
                {
                    return true;
                }
            }
        }
        item = null;
        return false;
    }
}
