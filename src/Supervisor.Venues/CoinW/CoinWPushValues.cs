using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.CoinW;

/// <summary>
/// CoinW's coded values read straight from a <see cref="JsonSlot"/>, as <see cref="CoinWCodec"/> maps them from
/// strings: the usual values are compared as bytes and answered with constants, so they cost no string.
/// </summary>
internal static class CoinWPushValues
{
    /// <summary><c>positionModel</c> as <see cref="CoinWCodec.MarginModeOf"/> reads it; false for anything but absent, 0 or 1.</summary>
    public static bool TryMarginMode(ReadOnlySpan<byte> frame, JsonSlot slot, out MarginMode? mode)
    {
        // The bare digits CoinW sends skip the decimal parser; "0.0", "1e0" and the rest still go through it.
        if (slot.Is(frame, "0"u8))
        {
            mode = MarginMode.Isolated;
            return true;
        }
        if (slot.Is(frame, "1"u8))
        {
            mode = MarginMode.Cross;
            return true;
        }
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
    public static bool TryOrderType(ReadOnlySpan<byte> frame, JsonSlot slot, out string? type)
    {
        var bytes = slot.Bytes(frame);
        type = !slot.Present ? null
            : bytes.Length switch
            {
                4 when bytes.SequenceEqual("plan"u8) => OrderTypes.Limit,
                7 when bytes.SequenceEqual("execute"u8) => OrderTypes.Market,
                11 when bytes.SequenceEqual("planTrigger"u8) => OrderTypes.Trigger,
                18 when bytes.SequenceEqual("moveStopProfitLoss"u8) => OrderTypes.TrailingStop,
                _ => slot.Text(frame),
            };
        return !slot.Present || type is not null;
    }

    /// <summary>Optional text (a number's text as written); false when present but escaped or not a scalar. The usual values cost no string.</summary>
    public static bool TryText(ReadOnlySpan<byte> frame, JsonSlot slot, out string? text)
    {
        var bytes = slot.Bytes(frame);
        text = !slot.Present ? null
            : bytes.Length switch
            {
                3 when bytes.SequenceEqual("api"u8) => "api",
                6 when bytes.SequenceEqual("manual"u8) => "manual",
                3 when bytes.SequenceEqual("web"u8) => "web",
                _ => slot.Text(frame),
            };
        return !slot.Present || text is not null;
    }

    // Nearly every balance is USDT: no string to build for it.
    public static string? AssetOf(ReadOnlySpan<byte> frame, JsonSlot slot) =>
        slot.Is(frame, "usdt"u8) || slot.Is(frame, "USDT"u8) ? "USDT" : slot.Text(frame)?.ToUpperInvariant();

    // Most pushes are for a handful of contracts: no string to build for them.
    public static string? InstrumentOf(ReadOnlySpan<byte> frame, JsonSlot slot) =>
        slot.Is(frame, "BTC"u8) ? "BTC" : slot.Is(frame, "ETH"u8) ? "ETH" : slot.Text(frame);

    // The length picks the candidates, so a value costs one or two comparisons.
    public static TradeSide? Side(ReadOnlySpan<byte> frame, JsonSlot slot)
    {
        var bytes = slot.Bytes(frame);
        return bytes.Length switch
        {
            4 when bytes.SequenceEqual("long"u8) || bytes.SequenceEqual("LONG"u8) => TradeSide.Long,
            3 when bytes.SequenceEqual("buy"u8) => TradeSide.Long,
            5 when bytes.SequenceEqual("short"u8) || bytes.SequenceEqual("SHORT"u8) => TradeSide.Short,
            4 when bytes.SequenceEqual("sell"u8) => TradeSide.Short,
            _ => null,
        };
    }

    public static OrderStatus? StatusOf(ReadOnlySpan<byte> frame, JsonSlot slot)
    {
        var bytes = slot.Bytes(frame);
        return bytes.Length switch
        {
            8 when bytes.SequenceEqual("unFinish"u8) => OrderStatus.New,
            4 when bytes.SequenceEqual("part"u8) => OrderStatus.PartiallyFilled,
            6 when bytes.SequenceEqual("finish"u8) || bytes.SequenceEqual("Finish"u8) => OrderStatus.Filled,
            6 when bytes.SequenceEqual("cancel"u8) || bytes.SequenceEqual("Cancel"u8) => OrderStatus.Cancelled,
            9 when bytes.SequenceEqual("cancelAll"u8) => OrderStatus.Cancelled,
            _ => null,
        };
    }

    /// <summary>Whether a position record says the position is closed, as <see cref="CoinWCodec"/> reads <c>status</c>.</summary>
    public static bool IsClosed(ReadOnlySpan<byte> frame, JsonSlot status) =>
        status.Present && !status.Is(frame, "open"u8)
        && (status.Is(frame, "close"u8) || status.Is(frame, "closed"u8) || status.Is(frame, "cancel"u8) || status.Is(frame, "1"u8) || status.Is(frame, "2"u8));
}
