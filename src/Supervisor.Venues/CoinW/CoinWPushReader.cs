using System.Buffers;
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
    private static JsonSlot[]? t_slots;

    public static DecodeResult? TryRead(ReadOnlySpan<byte> frame, int maxDepth)
    {
        var small = t_slots ?? new JsonSlot[FieldCount * 4];
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
                if (reader.ValueIsEscaped)
                {
                    return null;
                }
                var name = reader.ValueSpan;
                if (name.SequenceEqual("type"u8))
                {
                    reader.Read();
                    type = reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped ? PushType.None
                        : reader.ValueSpan.SequenceEqual("order"u8) ? PushType.Order
                        : reader.ValueSpan.SequenceEqual("position"u8) ? PushType.Position
                        : reader.ValueSpan.SequenceEqual("assets"u8) ? PushType.Assets
                        : PushType.None;
                    if (type == PushType.None)
                    {
                        return null;
                    }
                }
                else if (name.SequenceEqual("data"u8))
                {
                    reader.Read();
                    items = ReadItems(ref reader, ref slots);
                    if (items < 0)
                    {
                        return null;
                    }
                }
                else if (name.SequenceEqual("event"u8) || name.SequenceEqual("channel"u8) || name.SequenceEqual("result"u8))
                {
                    return null;
                }
                else
                {
                    reader.Read();
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
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
                ArrayPool<JsonSlot>.Shared.Return(slots);
            }
        }
    }

    private static int ReadItems(ref Utf8JsonReader reader, ref JsonSlot[] slots)
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
                var larger = ArrayPool<JsonSlot>.Shared.Rent(slots.Length * 2);
                slots.AsSpan().CopyTo(larger);
                if (slots.Length != FieldCount * 4)
                {
                    // Only rented arrays go back to the pool; the first, small one is the thread's own.
                    ArrayPool<JsonSlot>.Shared.Return(slots);
                }
                slots = larger;
            }
            if (!JsonSlot.ReadObject<ItemFields>(ref reader, slots.AsSpan(count * FieldCount, FieldCount)))
            {
                return -1;
            }
            count++;
        }
        return reader.TokenType == JsonTokenType.EndArray ? count : -1;
    }

    private static DecodeResult? Orders(ReadOnlySpan<byte> frame, JsonSlot[] slots, int items)
    {
        var events = new VenueEvent[items];
        for (var i = 0; i < items; i++)
        {
            var item = slots.AsSpan(i * FieldCount, FieldCount);
            if (item[TotalPiece].Decimal(frame) is not { } total || item[OrderPrice].Decimal(frame) is not { } price
                || item[Id].Text(frame) is not { } id || item[Instrument].Text(frame) is not { } instrument
                || Side(frame, item[Direction]) is not { } side || StatusOf(frame, item[OrderStatus]) is not { } status)
            {
                return null;
            }
            var remaining = item[CurrentPiece].DecimalOr(frame, total);
            if (remaining is null)
            {
                return null;
            }
            if (item[PosType].Is(frame, "planTrigger"u8) || item[OriginalType].Is(frame, "planTrigger"u8))
            {
                var trigger = item[TriggerPrice].DecimalOr(frame, price);
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

    private static DecodeResult? Positions(ReadOnlySpan<byte> frame, JsonSlot[] slots, int items)
    {
        var events = new VenueEvent[items];
        for (var i = 0; i < items; i++)
        {
            var item = slots.AsSpan(i * FieldCount, FieldCount);
            if (item[Id].Text(frame) is not { } id || item[Instrument].Text(frame) is not { } instrument)
            {
                return null;
            }
            var status = item[Status];
            if (status.Present && (status.Is(frame, "close"u8) || status.Is(frame, "closed"u8) || status.Is(frame, "cancel"u8)
                || status.Is(frame, "1"u8) || status.Is(frame, "2"u8)))
            {
                events[i] = new PositionClosed(CoinWCodec.Venue, id, instrument);
                continue;
            }
            var margin = item[Margin].DecimalOr(frame, 0m);
            if (Side(frame, item[Direction]) is not { } side || item[CurrentPiece].Decimal(frame) is not { } quantity
                || item[OpenPrice].Decimal(frame) is not { } entry || item[Leverage].Decimal(frame) is not { } leverage || margin is null)
            {
                return null;
            }
            events[i] = new PositionChanged(CoinWCodec.Venue, id, instrument, side, quantity, entry, leverage, margin.Value);
        }
        return DecodeResult.Of(events);
    }

    private static DecodeResult? Assets(ReadOnlySpan<byte> frame, JsonSlot[] slots, int items)
    {
        // The official example repeats one record: last wins, one event per currency, in first-seen order.
        var events = new AssetBalanceChanged[items];
        var count = 0;
        for (var i = 0; i < items; i++)
        {
            var item = slots.AsSpan(i * FieldCount, FieldCount);
            var freeze = item[Freeze].DecimalOr(frame, 0m);
            var hold = item[Hold].DecimalOr(frame, 0m);
            var margin = item[Margin].DecimalOr(frame, 0m);
            if (AssetOf(frame, item[Currency]) is not { } asset || item[Available].Decimal(frame) is not { } available
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
    private static string? AssetOf(ReadOnlySpan<byte> frame, JsonSlot slot) =>
        slot.Is(frame, "usdt"u8) || slot.Is(frame, "USDT"u8) ? "USDT" : slot.Text(frame)?.ToUpperInvariant();

    private static TradeSide? Side(ReadOnlySpan<byte> frame, JsonSlot slot) =>
        slot.Is(frame, "long"u8) || slot.Is(frame, "LONG"u8) || slot.Is(frame, "buy"u8) ? TradeSide.Long
        : slot.Is(frame, "short"u8) || slot.Is(frame, "SHORT"u8) || slot.Is(frame, "sell"u8) ? TradeSide.Short
        : null;

    private static OrderStatus? StatusOf(ReadOnlySpan<byte> frame, JsonSlot slot) =>
        slot.Is(frame, "unFinish"u8) ? Events.OrderStatus.New
        : slot.Is(frame, "part"u8) ? Events.OrderStatus.PartiallyFilled
        : slot.Is(frame, "finish"u8) || slot.Is(frame, "Finish"u8) ? Events.OrderStatus.Filled
        : slot.Is(frame, "cancel"u8) || slot.Is(frame, "Cancel"u8) || slot.Is(frame, "cancelAll"u8) ? Events.OrderStatus.Cancelled
        : null;

    /// <summary>The fields of an order, position or assets record.</summary>
    private readonly struct ItemFields : IJsonFields
    {
        // Length and first letter pick the one candidate, so a name costs at most one comparison.
        public static int FieldOf(ReadOnlySpan<byte> name) => name.Length < 2 ? -1 : (name.Length, name[0]) switch
        {
            (2, (byte)'i') => Is(name, "id"u8, Id),
            (4, (byte)'h') => Is(name, "hold"u8, Hold),
            (6, (byte)'s') => Is(name, "status"u8, Status),
            (6, (byte)'m') => Is(name, "margin"u8, Margin),
            (6, (byte)'f') => Is(name, "freeze"u8, Freeze),
            (7, (byte)'p') => Is(name, "posType"u8, PosType),
            (8, (byte)'c') => Is(name, "currency"u8, Currency),
            (8, (byte)'l') => Is(name, "leverage"u8, Leverage),
            (9, (byte)'d') => Is(name, "direction"u8, Direction),
            (9, (byte)'o') => Is(name, "openPrice"u8, OpenPrice),
            (9, (byte)'a') => Is(name, "available"u8, Available),
            (10, (byte)'i') => Is(name, "instrument"u8, Instrument),
            (10, (byte)'o') => Is(name, "orderPrice"u8, OrderPrice),
            (10, (byte)'t') => Is(name, "totalPiece"u8, TotalPiece),
            (11, (byte)'o') => Is(name, "orderStatus"u8, OrderStatus),
            (12, (byte)'c') => Is(name, "currentPiece"u8, CurrentPiece),
            (12, (byte)'o') => Is(name, "originalType"u8, OriginalType),
            (12, (byte)'t') => Is(name, "triggerPrice"u8, TriggerPrice),
            _ => -1,
        };

        private static int Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected, int field) => name.SequenceEqual(expected) ? field : -1;
    }
}
