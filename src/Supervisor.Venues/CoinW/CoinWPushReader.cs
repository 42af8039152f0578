using System.Buffers;
using System.Text.Json;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.CoinW;

/// <summary>
/// The hot path for CoinW's most frequent pushes (order, position, assets): one <see cref="Utf8JsonReader"/> pass that
/// notes where each field of interest (every one the general path reads for these channels) sits (CoinW writes <c>type</c> after <c>data</c>, so the fields are noted before
/// their meaning is known), then builds the events from those spans. Anything it does not recognise — control frames,
/// other channels, a missing or odd field, malformed JSON — returns null and the frame goes through the general
/// <see cref="JsonDocument"/> path, which gives the same events or the precise error. Tests check both paths agree.
/// </summary>
internal static class CoinWPushReader
{
    private const int FieldCount = 35;
    private const int Id = 0, Instrument = 1, Direction = 2, OrderPrice = 3, TotalPiece = 4, CurrentPiece = 5, OrderStatus = 6, PosType = 7,
        OriginalType = 8, TriggerPrice = 9, Status = 10, OpenPrice = 11, Leverage = 12, Margin = 13, Currency = 14, Available = 15, Freeze = 16, Hold = 17,
        PositionModel = 18, PositionMargin = 19, Fee = 20, FrozenFee = 21, MakerFee = 22, TakerFee = 23, BaseSize = 24, LiquidateBy = 25,
        Source = 26, CreatedDate = 27, UpdatedDate = 28, FundingSettle = 29, ClosedPiece = 30, AvailableMargin = 31, TransferAvailable = 32,
        ProfitUnreal = 33, AlmightyGold = 34;

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
            // Every documented field is read for a trigger order too, so a malformed one fails it as the general path does.
            if (remaining is null
                || !TryOrderType(frame, item[PosType], out var orderType) || !TryOrderType(frame, item[OriginalType], out var originalType)
                || !item[Leverage].TryOptionalDecimal(frame, out var leverage) || !TryMarginMode(frame, item[PositionModel], out var marginMode)
                || !item[Margin].TryOptionalDecimal(frame, out var margin) || !item[PositionMargin].TryOptionalDecimal(frame, out var positionMargin)
                || !item[Fee].TryOptionalDecimal(frame, out var fee) || !item[FrozenFee].TryOptionalDecimal(frame, out var frozenFee)
                || !item[MakerFee].TryOptionalDecimal(frame, out var makerFee) || !item[TakerFee].TryOptionalDecimal(frame, out var takerFee)
                || !item[BaseSize].TryOptionalDecimal(frame, out var baseSize) || !TryText(frame, item[LiquidateBy], out var liquidatedBy)
                || !TryText(frame, item[Source], out var source) || !item[CreatedDate].TryOptionalTimestamp(frame, out var createdAt)
                || !item[UpdatedDate].TryOptionalTimestamp(frame, out var updatedAt))
            {
                return null;
            }
            // The type slots are known unescaped here, so a byte comparison sees what the general path sees.
            if (item[PosType].Is(frame, "planTrigger"u8) || item[OriginalType].Is(frame, "planTrigger"u8))
            {
                var trigger = item[TriggerPrice].DecimalOr(frame, price);
                if (trigger is null)
                {
                    return null;
                }
                events[i] = new TriggerOrderChanged(CoinWCodec.Venue, id, instrument, side, trigger.Value, total, status)
                {
                    Price = price,
                    Leverage = leverage,
                    MarginMode = marginMode,
                    Source = source,
                    CreatedAt = createdAt,
                    UpdatedAt = updatedAt,
                };
            }
            else
            {
                events[i] = new OrderChanged(CoinWCodec.Venue, id, instrument, side, price, total, total - remaining.Value, status)
                {
                    OrderType = orderType,
                    OriginalOrderType = originalType,
                    Leverage = leverage,
                    MarginMode = marginMode,
                    Margin = margin,
                    PositionMargin = positionMargin,
                    Fee = fee,
                    FrozenFee = frozenFee,
                    MakerFeeRate = makerFee,
                    TakerFeeRate = takerFee,
                    BaseQuantity = baseSize,
                    LiquidatedBy = liquidatedBy,
                    Source = source,
                    CreatedAt = createdAt,
                    UpdatedAt = updatedAt,
                };
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
                || item[OpenPrice].Decimal(frame) is not { } entry || item[Leverage].Decimal(frame) is not { } leverage || margin is null
                || !TryMarginMode(frame, item[PositionModel], out var marginMode)
                || !item[PositionMargin].TryOptionalDecimal(frame, out var positionMargin) || !item[Fee].TryOptionalDecimal(frame, out var fee)
                || !item[FundingSettle].TryOptionalDecimal(frame, out var funding) || !item[ClosedPiece].TryOptionalDecimal(frame, out var closed)
                || !item[BaseSize].TryOptionalDecimal(frame, out var baseSize) || !item[CreatedDate].TryOptionalTimestamp(frame, out var openedAt)
                || !item[UpdatedDate].TryOptionalTimestamp(frame, out var updatedAt))
            {
                return null;
            }
            events[i] = new PositionChanged(CoinWCodec.Venue, id, instrument, side, quantity, entry, leverage, margin.Value)
            {
                MarginMode = marginMode,
                PositionMargin = positionMargin,
                Fee = fee,
                FundingFee = funding,
                ClosedQuantity = closed,
                BaseQuantity = baseSize,
                OpenedAt = openedAt,
                UpdatedAt = updatedAt,
            };
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
            var margin = item[Margin].DecimalOr(frame, 0m);
            if (AssetOf(frame, item[Currency]) is not { } asset || item[Available].Decimal(frame) is not { } available
                || freeze is null || margin is null || !item[Hold].TryOptionalDecimal(frame, out var hold)
                || !item[AvailableMargin].TryOptionalDecimal(frame, out var availableMargin)
                || !item[TransferAvailable].TryOptionalDecimal(frame, out var transferable)
                || !item[ProfitUnreal].TryOptionalDecimal(frame, out var unrealized) || !item[AlmightyGold].TryOptionalDecimal(frame, out var coupons))
            {
                return null;
            }
            var balance = new AssetBalanceChanged(CoinWCodec.Venue, asset, available, freeze.Value, margin.Value)
            {
                Hold = hold,
                AvailableMargin = availableMargin,
                Transferable = transferable,
                UnrealizedPnl = unrealized,
                CouponBalance = coupons,
            };
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

    /// <summary><c>positionModel</c> as <see cref="CoinWCodec.MarginModeOf"/> reads it; false for anything but absent, 0 or 1.</summary>
    private static bool TryMarginMode(ReadOnlySpan<byte> frame, JsonSlot slot, out MarginMode? mode)
    {
        mode = null;
        if (!slot.TryOptionalDecimal(frame, out var code))
        {
            return false;
        }
        mode = code switch
        {
            null => null,
            0m => MarginMode.Isolated,
            1m => MarginMode.Cross,
            _ => null,
        };
        return code is null || mode is not null;
    }

    /// <summary>An order-type code as <see cref="CoinWCodec.OrderTypeOf"/> maps it, without building a string for the known ones.</summary>
    private static bool TryOrderType(ReadOnlySpan<byte> frame, JsonSlot slot, out string? type)
    {
        type = !slot.Present ? null
            : slot.Is(frame, "plan"u8) ? OrderTypes.Limit
            : slot.Is(frame, "execute"u8) ? OrderTypes.Market
            : slot.Is(frame, "planTrigger"u8) ? OrderTypes.Trigger
            : slot.Is(frame, "moveStopProfitLoss"u8) ? OrderTypes.TrailingStop
            : slot.Text(frame);
        return !slot.Present || type is not null;
    }

    /// <summary>Optional text (a number's text as written); false when present but escaped or not a scalar. The usual values cost no string.</summary>
    private static bool TryText(ReadOnlySpan<byte> frame, JsonSlot slot, out string? text)
    {
        text = !slot.Present ? null
            : slot.Is(frame, "api"u8) ? "api"
            : slot.Is(frame, "web"u8) ? "web"
            : slot.Is(frame, "manual"u8) ? "manual"
            : slot.Text(frame);
        return !slot.Present || text is not null;
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
            (3, (byte)'f') => Is(name, "fee"u8, Fee),
            (4, (byte)'h') => Is(name, "hold"u8, Hold),
            // The two names that share a length and a first letter part on the second.
            (6, (byte)'s') => name[1] == (byte)'o' ? Is(name, "source"u8, Source) : Is(name, "status"u8, Status),
            (6, (byte)'m') => Is(name, "margin"u8, Margin),
            (6, (byte)'f') => Is(name, "freeze"u8, Freeze),
            (7, (byte)'p') => Is(name, "posType"u8, PosType),
            (8, (byte)'b') => Is(name, "baseSize"u8, BaseSize),
            (8, (byte)'c') => Is(name, "currency"u8, Currency),
            (8, (byte)'l') => Is(name, "leverage"u8, Leverage),
            (8, (byte)'m') => Is(name, "makerFee"u8, MakerFee),
            (8, (byte)'t') => Is(name, "takerFee"u8, TakerFee),
            (9, (byte)'a') => Is(name, "available"u8, Available),
            (9, (byte)'d') => Is(name, "direction"u8, Direction),
            (9, (byte)'f') => Is(name, "frozenFee"u8, FrozenFee),
            (9, (byte)'o') => Is(name, "openPrice"u8, OpenPrice),
            (10, (byte)'i') => Is(name, "instrument"u8, Instrument),
            (10, (byte)'o') => Is(name, "orderPrice"u8, OrderPrice),
            (10, (byte)'t') => Is(name, "totalPiece"u8, TotalPiece),
            (11, (byte)'c') => name[1] == (byte)'l' ? Is(name, "closedPiece"u8, ClosedPiece) : Is(name, "createdDate"u8, CreatedDate),
            (11, (byte)'l') => Is(name, "liquidateBy"u8, LiquidateBy),
            (11, (byte)'o') => Is(name, "orderStatus"u8, OrderStatus),
            (11, (byte)'u') => Is(name, "updatedDate"u8, UpdatedDate),
            (12, (byte)'a') => Is(name, "almightyGold"u8, AlmightyGold),
            (12, (byte)'c') => Is(name, "currentPiece"u8, CurrentPiece),
            (12, (byte)'o') => Is(name, "originalType"u8, OriginalType),
            (12, (byte)'p') => Is(name, "profitUnreal"u8, ProfitUnreal),
            (12, (byte)'t') => Is(name, "triggerPrice"u8, TriggerPrice),
            (13, (byte)'f') => Is(name, "fundingSettle"u8, FundingSettle),
            (13, (byte)'p') => Is(name, "positionModel"u8, PositionModel),
            (14, (byte)'p') => Is(name, "positionMargin"u8, PositionMargin),
            (15, (byte)'a') => Is(name, "availableMargin"u8, AvailableMargin),
            (17, (byte)'t') => Is(name, "transferAvailable"u8, TransferAvailable),
            _ => -1,
        };

        private static int Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected, int field) => name.SequenceEqual(expected) ? field : -1;
    }
}
