using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;
using static Supervisor.Venues.CoinW.CoinWItemFields;
using static Supervisor.Venues.CoinW.CoinWPushValues;

namespace Supervisor.Venues.CoinW;

/// <summary>
/// The events of the order, position and assets records <see cref="CoinWPushReader"/> noted, built as
/// <see cref="CoinWCodec"/> builds them. Null as soon as a field is missing or odd: the frame then goes through the
/// general path, which gives the precise error.
/// </summary>
internal static class CoinWPushEvents
{
    public static DecodeResult? Orders(ReadOnlySpan<byte> frame, JsonSlot[] slots, int items)
    {
        var events = new VenueEvent[items];
        for (var i = 0; i < items; i++)
        {
            var item = slots.AsSpan(i * Count, Count);
            if (item[TotalPiece].Decimal(frame) is not { } total || item[OrderPrice].Decimal(frame) is not { } price
                || item[Id].Text(frame) is not { } id || InstrumentOf(frame, item[Instrument]) is not { } instrument
                || Side(frame, item[Direction]) is not { } side || StatusOf(frame, item[CoinWItemFields.OrderStatus]) is not { } status)
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

    public static DecodeResult? Positions(ReadOnlySpan<byte> frame, JsonSlot[] slots, int items)
    {
        var events = new VenueEvent[items];
        for (var i = 0; i < items; i++)
        {
            var item = slots.AsSpan(i * Count, Count);
            if (item[Id].Text(frame) is not { } id || InstrumentOf(frame, item[Instrument]) is not { } instrument)
            {
                return null;
            }
            if (IsClosed(frame, item[Status]))
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

    public static DecodeResult? Assets(ReadOnlySpan<byte> frame, JsonSlot[] slots, int items)
    {
        // The official example repeats one record: last wins, one event per currency, in first-seen order.
        var events = new AssetBalanceChanged[items];
        var count = 0;
        for (var i = 0; i < items; i++)
        {
            var item = slots.AsSpan(i * Count, Count);
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
}
