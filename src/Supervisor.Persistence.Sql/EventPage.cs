using System.Buffers;
using System.Runtime.ExceptionServices;

namespace Supervisor.Persistence.Sql;

/// <summary>
/// One page of journal rows as read, before deserialization: the columns in arrays and every payload copied into
/// one pooled buffer, so a page costs a handful of allocations instead of a byte array and a row object per event.
/// Its events can be deserialized by two threads at once: the consumer takes them from the front
/// (<see cref="Take"/>), a helper from the back (<see cref="DeserializeFromBack"/>), each row claimed by one of
/// them, until they meet.
/// </summary>
internal sealed class EventPage : IDisposable
{
    private byte[] _payloads;
    private int _payloadBytes;
    private byte[] _lastManifestUtf8 = [];
    private string _lastManifest = "";
    private string _lastTextManifest = "";
    private readonly int[] _states;
    private readonly object?[] _events;
    private readonly Exception?[] _failures;

    private const int Free = 0;
    private const int Claimed = 1;
    private const int Done = 2;

    public EventPage(int capacity)
    {
        SequenceNrs = new long[capacity];
        Created = new long[capacity];
        Orderings = new long[capacity];
        Manifests = new string[capacity];
        PayloadStarts = new int[capacity];
        PayloadLengths = new int[capacity];
        _states = new int[capacity];
        _events = new object?[capacity];
        _failures = new Exception?[capacity];
        // About 256 bytes per event to start with; Reserve grows it when payloads are larger.
        _payloads = ArrayPool<byte>.Shared.Rent(Math.Min(capacity, 4096) * 256);
    }

    public int Count { get; private set; }

    public long[] SequenceNrs { get; }

    public long[] Created { get; }

    public long[] Orderings { get; }

    public string[] Manifests { get; }

    private int[] PayloadStarts { get; }

    private int[] PayloadLengths { get; }

    public void Clear()
    {
        Array.Clear(_states, 0, Count);
        Array.Clear(_events, 0, Count);
        Array.Clear(_failures, 0, Count);
        Count = 0;
        _payloadBytes = 0;
    }

    /// <summary>Adds a row and returns where its <paramref name="payloadLength"/> payload bytes go.</summary>
    public ArraySegment<byte> Add(long sequenceNr, long created, long ordering, string manifest, int payloadLength)
    {
        var i = Count++;
        SequenceNrs[i] = sequenceNr;
        Created[i] = created;
        Orderings[i] = ordering;
        Manifests[i] = manifest;
        if (_payloadBytes + payloadLength > _payloads.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_payloads.Length * 2, _payloadBytes + payloadLength));
            _payloads.AsSpan(0, _payloadBytes).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_payloads);
            _payloads = larger;
        }
        PayloadStarts[i] = _payloadBytes;
        PayloadLengths[i] = payloadLength;
        _payloadBytes += payloadLength;
        return new ArraySegment<byte>(_payloads, PayloadStarts[i], payloadLength);
    }

    public ReadOnlySpan<byte> Payload(int i) => _payloads.AsSpan(PayloadStarts[i], PayloadLengths[i]);

    /// <summary>
    /// The manifest for its UTF-8 bytes: the previous row's string when they are the same (nearly always within one
    /// persistence id), so reading a manifest usually allocates nothing.
    /// </summary>
    public string Manifest(ReadOnlySpan<byte> utf8)
    {
        if (!utf8.SequenceEqual(_lastManifestUtf8))
        {
            _lastManifestUtf8 = utf8.ToArray();
            _lastManifest = System.Text.Encoding.UTF8.GetString(utf8);
        }
        return _lastManifest;
    }

    /// <summary>The same string as the previous row's manifest when equal, so a page keeps one copy.</summary>
    public string Manifest(string manifest)
    {
        if (manifest != _lastTextManifest)
        {
            _lastTextManifest = manifest;
        }
        return _lastTextManifest;
    }

    /// <summary>Event <paramref name="i"/>: deserialized here unless the helper has claimed it, then waited for.</summary>
    public object Take(int i, Func<int, object> deserialize)
    {
        if (Interlocked.CompareExchange(ref _states[i], Claimed, Free) == Free)
        {
            return deserialize(i);
        }
        // The helper holds it for at most one deserialization.
        var spin = default(SpinWait);
        while (Volatile.Read(ref _states[i]) != Done)
        {
            spin.SpinOnce();
        }
        if (_failures[i] is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
        var payload = _events[i]!;
        _events[i] = null;
        return payload;
    }

    /// <summary>
    /// Deserializes events from the last one down until reaching one the consumer has claimed. A failure is kept
    /// for the consumer, who throws it when it gets there, so the events before it are still delivered first.
    /// </summary>
    public void DeserializeFromBack(Func<int, object> deserialize)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (Interlocked.CompareExchange(ref _states[i], Claimed, Free) != Free)
            {
                return;
            }
            try
            {
                _events[i] = deserialize(i);
            }
            catch (Exception failure)
            {
                _failures[i] = failure;
            }
            Volatile.Write(ref _states[i], Done);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_payloads);
        _payloads = [];
    }
}
