using System.Buffers;
using System.Text;
using System.Text.Json;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.CoinW;

/// <summary>
/// The hot path for CoinW's most frequent pushes (order, position, assets): one <see cref="Utf8JsonReader"/> pass that
/// notes where each field of interest sits (CoinW writes <c>type</c> after <c>data</c>, so the fields are noted before
/// their meaning is known), then builds the events from those spans. Anything it does not recognise — control frames,
/// other channels, a missing or odd field, malformed JSON — returns null and the frame goes through the general
/// <see cref="JsonDocument"/> path, which gives the same events or the precise error. Tests check both paths agree.
/// </summary>
internal static class CoinWPushReader
{
    private const int FieldCount = 18;
    private const int Id = 0, Instrument = 1, Direction = 2, OrderPrice = 3, TotalPiece = 4, CurrentPiece = 5, OrderStatus = 6, PosType = 7,
        OriginalType = 8, TriggerPrice = 9, Status = 10, OpenPrice = 11, Leverage = 12, Margin = 13, Currency = 14, Available = 15, Freeze = 16, Hold = 17;

    private enum PushType
    {
        None,
        Order,
        Position,
        Assets,
    }

    // One slot array per thread for the usual frame of up to four records: cheaper than renting from the shared pool.
    [ThreadStatic]
    private static Slot[]? t_slots;

    public static DecodeResult? TryRead(ReadOnlySpan<byte> frame, int maxDepth)
    {
        var small = t_slots ?? new Slot[FieldCount * 4];
        t_slots = null;
        var slots = small;
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = maxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            var type = PushType.None;
            var items = -1;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = reader.TokenType != JsonTokenType.String ? PushType.None
                        : reader.ValueTextEquals("order"u8) ? PushType.Order
                        : reader.ValueTextEquals("position"u8) ? PushType.Position
                        : reader.ValueTextEquals("assets"u8) ? PushType.Assets
                        : PushType.None;
                    if (type == PushType.None)
                    {
                        return null;
                    }
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    items = ReadItems(ref reader, ref slots);
                    if (items < 0)
                    {
                        return null;
                    }
                }
                else if (reader.ValueTextEquals("event"u8) || reader.ValueTextEquals("channel"u8) || reader.ValueTextEquals("result"u8))
                {
                    return null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || type == PushType.None || items < 0)
            {
                return null;
            }
            return type switch
            {
                PushType.Order => Orders(frame, slots, items),
                PushType.Position => Positions(frame, slots, items),
                _ => Assets(frame, slots, items),
            };
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            t_slots = small;
            if (!ReferenceEquals(slots, small))
            {
                ArrayPool<Slot>.Shared.Return(slots);
            }
        }
    }

    private static int ReadItems(ref Utf8JsonReader reader, ref Slot[] slots)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return -1;
        }
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if ((count + 1) * FieldCount > slots.Length)
            {
                var larger = ArrayPool<Slot>.Shared.Rent(slots.Length * 2);
                slots.AsSpan().CopyTo(larger);
                if (slots.Length != FieldCount * 4)
                {
                    // Only rented arrays go back to the pool; the first, small one is the thread's own.
                    ArrayPool<Slot>.Shared.Return(slots);
                }
                slots = larger;
            }
            var item = slots.AsSpan(count * FieldCount, FieldCount);
            item.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldOf(ref reader);
                reader.Read();
                if (field < 0)
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                {
                    // Present but not a value we read (null, true, an object): what needs it declines the frame.
                    item[field] = Slot.Unreadable;
                    reader.Skip();
                    continue;
                }
                var isString = reader.TokenType == JsonTokenType.String;
                item[field] = new Slot((int)reader.TokenStartIndex + (isString ? 1 : 0), reader.ValueSpan.Length, isString, reader.ValueIsEscaped);
            }
            count++;
        }
        return reader.TokenType == JsonTokenType.EndArray ? count : -1;
    }

    private static int FieldOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -2;
        }
        var name = reader.ValueSpan;
        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => Id,
            4 when name.SequenceEqual("hold"u8) => Hold,
            6 when name.SequenceEqual("status"u8) => Status,
            6 when name.SequenceEqual("margin"u8) => Margin,
            6 when name.SequenceEqual("freeze"u8) => Freeze,
            7 when name.SequenceEqual("posType"u8) => PosType,
            8 when name.SequenceEqual("currency"u8) => Currency,
            8 when name.SequenceEqual("leverage"u8) => Leverage,
            9 when name.SequenceEqual("direction"u8) => Direction,
            9 when name.SequenceEqual("openPrice"u8) => OpenPrice,
            9 when name.SequenceEqual("available"u8) => Available,
            10 when name.SequenceEqual("instrument"u8) => Instrument,
            10 when name.SequenceEqual("orderPrice"u8) => OrderPrice,
            10 when name.SequenceEqual("totalPiece"u8) => TotalPiece,
            11 when name.SequenceEqual("orderStatus"u8) => OrderStatus,
            12 when name.SequenceEqual("currentPiece"u8) => CurrentPiece,
            12 when name.SequenceEqual("originalType"u8) => OriginalType,
            12 when name.SequenceEqual("triggerPrice"u8) => TriggerPrice,
            _ => -1,
        };
    }

    private static DecodeResult? Orders(ReadOnlySpan<byte> frame, Slot[] slots, int items)
    {
        var events = new VenueEvent[items];
        for (var i = 0; i < items; i++)
        {
            var item = slots.AsSpan(i * FieldCount, FieldCount);
            if (Decimal(frame, item[TotalPiece]) is not { } total || Decimal(frame, item[OrderPrice]) is not { } price
                || Text(frame, item[Id]) is not { } id || Text(frame, item[Instrument]) is not { } instrument
                || Side(frame, item[Direction]) is not { } side || StatusOf(frame, item[OrderStatus]) is not { } status)
            {
                return null;
            }
            var remaining = item[CurrentPiece].Present ? Decimal(frame, item[CurrentPiece]) : total;
            if (remaining is null)
            {
                return null;
            }
            if (Is(frame, item[PosType], "planTrigger"u8) || Is(frame, item[OriginalType], "planTrigger"u8))
            {
                var trigger = item[TriggerPrice].Present ? Decimal(frame, item[TriggerPrice]) : price;
                if (trigger is null)
                {
                    return null;
                }
                events[i] = new TriggerOrderChanged(CoinWCodec.Venue, id, instrument, side, trigger.Value, total, status);
            }
            else
            {
                events[i] = new OrderChanged(CoinWCodec.Venue, id, instrument, side, price, total, total - remaining.Value, status);
            }
        }
        return DecodeResult.Of(events);
    }

    private static DecodeResult? Positions(ReadOnlySpan<byte> frame, Slot[] slots, int items)
    {
        var events = new VenueEvent[items];
        for (var i = 0; i < items; i++)
        {
            var item = slots.AsSpan(i * FieldCount, FieldCount);
            if (Text(frame, item[Id]) is not { } id || Text(frame, item[Instrument]) is not { } instrument)
            {
                return null;
            }
            var status = item[Status];
            if (status.Present && (Is(frame, status, "close"u8) || Is(frame, status, "closed"u8) || Is(frame, status, "cancel"u8)
                || Is(frame, status, "1"u8) || Is(frame, status, "2"u8)))
            {
                events[i] = new PositionClosed(CoinWCodec.Venue, id, instrument);
                continue;
            }
            var margin = item[Margin].Present ? Decimal(frame, item[Margin]) : 0m;
            if (Side(frame, item[Direction]) is not { } side || Decimal(frame, item[CurrentPiece]) is not { } quantity
                || Decimal(frame, item[OpenPrice]) is not { } entry || Decimal(frame, item[Leverage]) is not { } leverage || margin is null)
            {
                return null;
            }
            events[i] = new PositionChanged(CoinWCodec.Venue, id, instrument, side, quantity, entry, leverage, margin.Value);
        }
        return DecodeResult.Of(events);
    }

    private static DecodeResult? Assets(ReadOnlySpan<byte> frame, Slot[] slots, int items)
    {
        // The official example repeats one record: last wins, one event per currency, in first-seen order.
        var events = new AssetBalanceChanged[items];
        var count = 0;
        for (var i = 0; i < items; i++)
        {
            var item = slots.AsSpan(i * FieldCount, FieldCount);
            var freeze = item[Freeze].Present ? Decimal(frame, item[Freeze]) : 0m;
            var hold = item[Hold].Present ? Decimal(frame, item[Hold]) : 0m;
            var margin = item[Margin].Present ? Decimal(frame, item[Margin]) : 0m;
            if (AssetOf(frame, item[Currency]) is not { } asset || Decimal(frame, item[Available]) is not { } available
                || freeze is null || hold is null || margin is null)
            {
                return null;
            }
            var balance = new AssetBalanceChanged(CoinWCodec.Venue, asset, available, freeze.Value + hold.Value, margin.Value);
            var known = 0;
            while (known < count && events[known].Asset != asset)
            {
                known++;
            }
            events[known] = balance;
            count = Math.Max(count, known + 1);
        }
        return DecodeResult.Of(count == items ? events : events[..count]);
    }

    // Nearly every balance is USDT: no string to build for it.
    private static string? AssetOf(ReadOnlySpan<byte> frame, Slot slot) =>
        Is(frame, slot, "usdt"u8) || Is(frame, slot, "USDT"u8) ? "USDT" : Text(frame, slot)?.ToUpperInvariant();

    private static TradeSide? Side(ReadOnlySpan<byte> frame, Slot slot) =>
        Is(frame, slot, "long"u8) || Is(frame, slot, "LONG"u8) || Is(frame, slot, "buy"u8) ? TradeSide.Long
        : Is(frame, slot, "short"u8) || Is(frame, slot, "SHORT"u8) || Is(frame, slot, "sell"u8) ? TradeSide.Short
        : null;

    private static OrderStatus? StatusOf(ReadOnlySpan<byte> frame, Slot slot) =>
        Is(frame, slot, "unFinish"u8) ? Events.OrderStatus.New
        : Is(frame, slot, "part"u8) ? Events.OrderStatus.PartiallyFilled
        : Is(frame, slot, "finish"u8) || Is(frame, slot, "Finish"u8) ? Events.OrderStatus.Filled
        : Is(frame, slot, "cancel"u8) || Is(frame, slot, "Cancel"u8) || Is(frame, slot, "cancelAll"u8) ? Events.OrderStatus.Cancelled
        : null;

    private static bool Is(ReadOnlySpan<byte> frame, Slot slot, ReadOnlySpan<byte> text) =>
        slot.Present && !slot.Escaped && frame.Slice(slot.Start, slot.Length).SequenceEqual(text);

    private static string? Text(ReadOnlySpan<byte> frame, Slot slot) =>
        !slot.Present || slot.Escaped ? null : Encoding.UTF8.GetString(frame.Slice(slot.Start, slot.Length));

    private static decimal? Decimal(ReadOnlySpan<byte> frame, Slot slot)
    {
        if (!slot.Present || slot.Escaped)
        {
            return null;
        }
        var raw = frame.Slice(slot.Start, slot.Length);
        return Number.TryParse(raw, out var value) ? value : null;
    }

    /// <summary>Where one field's value sits in the frame (inside the quotes for strings).</summary>
    private readonly record struct Slot(int Start, int Length, bool IsString, bool Escaped)
    {
        public static Slot Unreadable => new(-1, 0, true, true);

        public bool Present => Length > 0 || IsString;
    }
}
