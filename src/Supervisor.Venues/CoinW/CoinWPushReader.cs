using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.CoinW;

/// <summary>
/// The hot path for CoinW's most frequent pushes (order, position, assets): one <see cref="Utf8JsonReader"/> pass that
/// notes where each field of interest (every one the general path reads for these channels) sits (CoinW writes
/// <c>type</c> after <c>data</c>, so the fields are noted before their meaning is known), then
/// <see cref="CoinWPushEvents"/> builds the events from those spans. Anything it does not recognise — control frames,
/// other channels, a missing or odd field, malformed JSON — returns null and the frame goes through the general
/// <see cref="JsonDocument"/> path, which gives the same events or the precise error. Tests check both paths agree.
/// </summary>
internal static class CoinWPushReader
{
    private const int FieldCount = CoinWItemFields.Count;

    // The depths of the tokens this reader looks at: the frame's own properties, the records of its data array, and
    // their fields. Anything deeper is a nested value no field of interest has, passed over.
    private const int FrameDepth = 1, RecordDepth = 2, FieldDepth = 3;

    private enum PushType
    {
        None,
        Order,
        Position,
        Assets,
    }

    /// <summary>The frame property whose value the next token is.</summary>
    private enum FrameKey
    {
        Other,
        Type,
        Data,
    }

    // One slot array per thread for the usual frame of up to four records: cheaper than renting from the shared pool.
    [ThreadStatic]
    private static JsonSlot[]? t_slots;

    public static DecodeResult? TryRead(ReadOnlySpan<byte> frame, int maxDepth)
    {
        // Nothing called from here decodes another frame, so the thread's slots are free for this one.
        var small = t_slots ??= new JsonSlot[FieldCount * 4];
        var scan = new Scan { Slots = small, Items = -1 };
        try
        {
            if (!Read(frame, maxDepth, ref scan) || scan.Items < 0 || scan.Type == PushType.None)
            {
                return null;
            }
            return scan.Type switch
            {
                PushType.Order => CoinWPushEvents.Orders(frame, scan.Slots, scan.Items),
                PushType.Position => CoinWPushEvents.Positions(frame, scan.Slots, scan.Items),
                _ => CoinWPushEvents.Assets(frame, scan.Slots, scan.Items),
            };
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            if (!ReferenceEquals(scan.Slots, small))
            {
                ArrayPool<JsonSlot>.Shared.Return(scan.Slots);
            }
        }
    }

    /// <summary>
    /// The records of <c>data</c> into the slots, <see cref="CoinWItemFields.Count"/> per record, and the push type;
    /// false to decline the frame.
    /// </summary>
    /// <remarks>
    /// One flat loop with a single <see cref="Utf8JsonReader.Read"/> call, the depth telling where a token sits, and
    /// the rare tokens handled out of line: the JIT then inlines <c>Read</c> as it does in a bare pass. Nested loops
    /// over the same tokens (one per level, the reader passed by reference) measured about a tenth slower than that.
    /// </remarks>
    private static bool Read(ReadOnlySpan<byte> frame, int maxDepth, ref Scan scan)
    {
        var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = maxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        var field = -1;
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (scan.InData && reader.CurrentDepth == FieldDepth)
            {
                if (token == JsonTokenType.PropertyName)
                {
                    if (reader.ValueIsEscaped)
                    {
                        // It may unescape to a field read here, and as a repeat it would win on the general path.
                        return false;
                    }
                    field = CoinWItemFields.FieldOf(reader.ValueSpan);
                }
                else if (field >= 0)
                {
                    // A field's value: a scalar is noted, anything else (null, true, an object) marks it unreadable.
                    var isString = token == JsonTokenType.String;
                    scan.Record[field] = isString || token == JsonTokenType.Number
                        ? new JsonSlot((int)reader.TokenStartIndex + (isString ? 1 : 0), reader.ValueSpan.Length, isString, reader.ValueIsEscaped)
                        : JsonSlot.Unreadable;
                    field = -1;
                }
            }
            else if (!OnOuterToken(ref reader, ref scan))
            {
                return false;
            }
        }
        // The reader throws on anything after the frame's object or on a frame cut short, so ending here means it closed.
        return true;
    }

    /// <summary>A token outside the records' fields: the frame's properties and the records' bounds. False to decline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool OnOuterToken(ref Utf8JsonReader reader, ref Scan scan)
    {
        var token = reader.TokenType;
        var depth = reader.CurrentDepth;
        if (scan.InData && depth == RecordDepth)
        {
            switch (token)
            {
                case JsonTokenType.StartObject:
                    scan.Slots = WithRoomFor(scan.Slots, scan.Count);
                    scan.Record = scan.Slots.AsSpan(scan.Count * FieldCount, FieldCount);
                    scan.Record.Clear();
                    return true;
                case JsonTokenType.EndObject:
                    scan.Count++;
                    return true;
                default:
                    // A record that is not an object.
                    return false;
            }
        }
        if (depth != FrameDepth)
        {
            // The root's own bounds, or inside a nested value of a field or of another frame property.
            return true;
        }
        if (token == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }
            var name = reader.ValueSpan;
            // Control frames (event, channel, result) go to the general path.
            (scan.Key, var declined) = name.Length switch
            {
                4 => (name.SequenceEqual("type"u8) ? FrameKey.Type : name.SequenceEqual("data"u8) ? FrameKey.Data : FrameKey.Other, false),
                5 => (FrameKey.Other, name.SequenceEqual("event"u8)),
                6 => (FrameKey.Other, name.SequenceEqual("result"u8)),
                7 => (FrameKey.Other, name.SequenceEqual("channel"u8)),
                _ => (FrameKey.Other, false),
            };
            return !declined;
        }
        switch (scan.Key)
        {
            case FrameKey.Type:
                scan.Type = token != JsonTokenType.String || reader.ValueIsEscaped ? PushType.None
                    : reader.ValueSpan.SequenceEqual("order"u8) ? PushType.Order
                    : reader.ValueSpan.SequenceEqual("position"u8) ? PushType.Position
                    : reader.ValueSpan.SequenceEqual("assets"u8) ? PushType.Assets
                    : PushType.None;
                scan.Key = FrameKey.Other;
                return scan.Type != PushType.None;
            case FrameKey.Data when token == JsonTokenType.StartArray:
                // A repeated data replaces the records read so far.
                scan.InData = true;
                scan.Count = 0;
                return true;
            case FrameKey.Data when token == JsonTokenType.EndArray:
                scan.InData = false;
                scan.Items = scan.Count;
                scan.Key = FrameKey.Other;
                return true;
            case FrameKey.Data:
                // Data that is not an array.
                return false;
            default:
                // Another property's value (or its end), passed over.
                return true;
        }
    }

    /// <summary>The slots, grown from the pool when record <paramref name="index"/> does not fit.</summary>
    private static JsonSlot[] WithRoomFor(JsonSlot[] slots, int index)
    {
        if ((index + 1) * FieldCount <= slots.Length)
        {
            return slots;
        }
        var larger = ArrayPool<JsonSlot>.Shared.Rent(slots.Length * 2);
        slots.AsSpan().CopyTo(larger);
        if (slots.Length != FieldCount * 4)
        {
            // Only rented arrays go back to the pool; the first, small one is the thread's own.
            ArrayPool<JsonSlot>.Shared.Return(slots);
        }
        return larger;
    }

    /// <summary>Where the scan is: what it found so far and which record it fills.</summary>
    private ref struct Scan
    {
        public JsonSlot[] Slots;
        public Span<JsonSlot> Record;
        public PushType Type;
        public FrameKey Key;
        public bool InData;
        public int Count;
        public int Items;
    }
}
