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
        type = !slot.Present ? null
            : slot.Is(frame, "plan"u8) ? OrderTypes.Limit
            : slot.Is(frame, "execute"u8) ? OrderTypes.Market
            : slot.Is(frame, "planTrigger"u8) ? OrderTypes.Trigger
            : slot.Is(frame, "moveStopProfitLoss"u8) ? OrderTypes.TrailingStop
            : slot.Text(frame);
        return !slot.Present || type is not null;
    }

    /// <summary>Optional text (a number's text as written); false when present but escaped or not a scalar. The usual values cost no string.</summary>
    public static bool TryText(ReadOnlySpan<byte> frame, JsonSlot slot, out string? text)
    {
        text = !slot.Present ? null
            : slot.Is(frame, "api"u8) ? "api"
            : slot.Is(frame, "manual"u8) ? "manual"
            : slot.Is(frame, "web"u8) ? "web"
            : slot.Text(frame);
        return !slot.Present || text is not null;
    }

    // Nearly every balance is USDT: no string to build for it.
    public static string? AssetOf(ReadOnlySpan<byte> frame, JsonSlot slot) =>
        slot.Is(frame, "usdt"u8) || slot.Is(frame, "USDT"u8) ? "USDT" : slot.Text(frame)?.ToUpperInvariant();

    // Most pushes are for a handful of contracts: no string to build for them.
    public static string? InstrumentOf(ReadOnlySpan<byte> frame, JsonSlot slot) =>
        slot.Is(frame, "BTC"u8) ? "BTC" : slot.Is(frame, "ETH"u8) ? "ETH" : slot.Text(frame);

    public static TradeSide? Side(ReadOnlySpan<byte> frame, JsonSlot slot) =>
        slot.Is(frame, "long"u8) || slot.Is(frame, "LONG"u8) || slot.Is(frame, "buy"u8) ? TradeSide.Long
        : slot.Is(frame, "short"u8) || slot.Is(frame, "SHORT"u8) || slot.Is(frame, "sell"u8) ? TradeSide.Short
        : null;

    public static OrderStatus? StatusOf(ReadOnlySpan<byte> frame, JsonSlot slot) =>
        slot.Is(frame, "unFinish"u8) ? OrderStatus.New
        : slot.Is(frame, "part"u8) ? OrderStatus.PartiallyFilled
        : slot.Is(frame, "finish"u8) || slot.Is(frame, "Finish"u8) ? OrderStatus.Filled
        : slot.Is(frame, "cancel"u8) || slot.Is(frame, "Cancel"u8) || slot.Is(frame, "cancelAll"u8) ? OrderStatus.Cancelled
        : null;

    /// <summary>Whether a position record says the position is closed, as <see cref="CoinWCodec"/> reads <c>status</c>.</summary>
    public static bool IsClosed(ReadOnlySpan<byte> frame, JsonSlot status) =>
        status.Present && !status.Is(frame, "open"u8)
        && (status.Is(frame, "close"u8) || status.Is(frame, "closed"u8) || status.Is(frame, "cancel"u8) || status.Is(frame, "1"u8) || status.Is(frame, "2"u8));
}
