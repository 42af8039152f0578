using System.Text.Json;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.Rest;

/// <summary>
/// CoinW's REST snapshot responses (coinw.md §9.2), wrapped in <c>{"code":0,"msg":"","data":…}</c>:
/// <c>GET /v1/perpum/account/getUserAssets</c>, <c>GET /v1/perpum/positions/all</c> and
/// <c>GET /v1/perpum/order?positionType=plan</c> (all open limit orders). Values come out in the same normalized terms
/// as the pushes, so reconciliation can compare them field by field.
/// </summary>
public sealed class CoinWSnapshotDecoder(DecoderLimits? limits = null)
{
    /// <summary>The assets path.</summary>
    public const string AssetsPath = "/v1/perpum/account/getUserAssets";

    /// <summary>The open-positions path.</summary>
    public const string PositionsPath = "/v1/perpum/positions/all";

    /// <summary>The open-orders path; its query is <see cref="OpenOrdersQuery"/>.</summary>
    public const string OpenOrdersPath = "/v1/perpum/order";

    /// <summary>Open limit orders of every contract.</summary>
    public const string OpenOrdersQuery = "positionType=plan";

    /// <summary>Waiting trigger orders of every contract, on the same path (positionType is the order type, coinw.md §9.2).</summary>
    public const string TriggerOrdersQuery = "positionType=planTrigger";

    private readonly DecoderLimits _limits = limits ?? DecoderLimits.Default;

    /// <summary>
    /// The USDT futures balance. REST names differ from the push: availableUsdt, alFreeze, alMargin; availableMargin and
    /// almightyGold are named as in the push. It names no hold, transferable or unrealized figure: those stay null.
    /// </summary>
    public RestResult<AssetBalanceChanged> Assets(ReadOnlySpan<byte> body) => RestJson.Decode(body, _limits, root =>
        Data(root, out var data) is { } error
            ? RestResult<AssetBalanceChanged>.Fail(error.Kind, error.Message)
            : RestResult<AssetBalanceChanged>.Ok(new AssetBalanceChanged(CoinWCodec.Venue, "USDT",
                JsonValues.Decimal(data, "availableUsdt"u8), JsonValues.DecimalOr(data, "alFreeze"u8, 0m), JsonValues.DecimalOr(data, "alMargin"u8, 0m))
            {
                AvailableMargin = JsonValues.OptionalDecimal(data, "availableMargin"u8),
                CouponBalance = JsonValues.OptionalDecimal(data, "almightyGold"u8),
            }));

    /// <summary>Every open position.</summary>
    public RestResult<IReadOnlyList<PositionChanged>> Positions(ReadOnlySpan<byte> body) => RestJson.Decode(body, _limits, root =>
        Data(root, out var data) is { } error
            ? RestResult<IReadOnlyList<PositionChanged>>.Fail(error.Kind, error.Message)
            : RestResult<IReadOnlyList<PositionChanged>>.Ok(RestJson.Array(data, "data").Select(Position).ToList()));

    /// <summary>Every open order (a bare array, or a page <c>{rows:[…]}</c>).</summary>
    public RestResult<IReadOnlyList<OrderChanged>> OpenOrders(ReadOnlySpan<byte> body) => RestJson.Decode(body, _limits, root =>
    {
        if (Data(root, out var data) is { } error)
        {
            return RestResult<IReadOnlyList<OrderChanged>>.Fail(error.Kind, error.Message);
        }
        var rows = data.ValueKind == JsonValueKind.Object ? RestJson.Property(data, "rows") : data;
        return RestResult<IReadOnlyList<OrderChanged>>.Ok(RestJson.Array(rows, "data.rows").Select(Order).ToList());
    });

    /// <summary>Every waiting trigger order (a bare array, or a page <c>{rows:[…]}</c>).</summary>
    public RestResult<IReadOnlyList<TriggerOrderChanged>> TriggerOrders(ReadOnlySpan<byte> body) => RestJson.Decode(body, _limits, root =>
    {
        if (Data(root, out var data) is { } error)
        {
            return RestResult<IReadOnlyList<TriggerOrderChanged>>.Fail(error.Kind, error.Message);
        }
        var rows = data.ValueKind == JsonValueKind.Object ? RestJson.Property(data, "rows") : data;
        return RestResult<IReadOnlyList<TriggerOrderChanged>>.Ok(RestJson.Array(rows, "data.rows").Select(Trigger).ToList());
    });

    private static RestError? Data(JsonElement root, out JsonElement data)
    {
        data = default;
        var code = JsonValues.Text(root, "code"u8);
        if (code != "0")
        {
            var message = JsonValues.TextOrNull(root, "msg"u8) ?? "";
            var kind = code switch
            {
                "29001" => RestErrorKind.RateLimited,
                "6000" or "6003" => RestErrorKind.AuthenticationFailed,
                "6001" => RestErrorKind.InvalidSignature,
                _ => RestErrorKind.VenueError,
            };
            return new RestError(kind, $"CoinW code {code}: {message}");
        }
        data = RestJson.Property(root, "data");
        return null;
    }

    // The push's fields where the row has them, plus the three only REST knows.
    private static PositionChanged Position(JsonElement item) => CoinWCodec.WithDetails(new PositionChanged(CoinWCodec.Venue, JsonValues.Text(item, "id"u8),
        JsonValues.Text(item, "instrument"u8).ToUpperInvariant(), Side(item), JsonValues.Decimal(item, "currentPiece"u8),
        JsonValues.Decimal(item, "openPrice"u8), JsonValues.Decimal(item, "leverage"u8), JsonValues.DecimalOr(item, "margin"u8, 0m)), item) with
    {
        LiquidationPrice = JsonValues.OptionalDecimal(item, "liquidationPrice"u8),
        UnrealizedPnl = JsonValues.OptionalDecimal(item, "profitUnreal"u8),
        RealizedPnl = JsonValues.OptionalDecimal(item, "profitReal"u8),
    };

    private static OrderChanged Order(JsonElement item)
    {
        var total = JsonValues.Decimal(item, "totalPiece"u8);
        var remaining = JsonValues.DecimalOr(item, "currentPiece"u8, total);
        var status = JsonValues.TextOrNull(item, "orderStatus"u8) switch
        {
            "part" => OrderStatus.PartiallyFilled,
            "unFinish" or null => remaining < total ? OrderStatus.PartiallyFilled : OrderStatus.New,
            var other => throw new FormatException($"an open order with orderStatus '{other}'"),
        };
        var order = CoinWCodec.WithDetails(new OrderChanged(CoinWCodec.Venue, JsonValues.Text(item, "id"u8), JsonValues.Text(item, "instrument"u8).ToUpperInvariant(), Side(item),
            JsonValues.Decimal(item, "orderPrice"u8), total, total - remaining, status), item);
        // A row may name its type positionType, as the query does, rather than posType.
        return order.OrderType is null ? order with { OrderType = CoinWCodec.OrderTypeOf(JsonValues.OptionalText(item, "positionType"u8)) } : order;
    }

    // As the order push: the trigger price, or the order price when a row lacks it. OrderType stays null as in the push:
    // it names the type of the order placed when the trigger fires, while the row's posType is the trigger's own, planTrigger.
    private static TriggerOrderChanged Trigger(JsonElement item)
    {
        var price = JsonValues.Decimal(item, "orderPrice"u8);
        return new(CoinWCodec.Venue, JsonValues.Text(item, "id"u8), JsonValues.Text(item, "instrument"u8).ToUpperInvariant(), Side(item),
            JsonValues.DecimalOr(item, "triggerPrice"u8, price), JsonValues.Decimal(item, "totalPiece"u8), OrderStatus.New)
        {
            Price = price,
            Leverage = JsonValues.OptionalDecimal(item, "leverage"u8),
            MarginMode = CoinWCodec.MarginModeOf(item),
            Source = JsonValues.OptionalText(item, "source"u8),
            CreatedAt = JsonValues.OptionalTimestamp(item, "createdDate"u8),
            UpdatedAt = JsonValues.OptionalTimestamp(item, "updatedDate"u8),
        };
    }

    private static TradeSide Side(JsonElement item) => JsonValues.Text(item, "direction"u8) switch
    {
        "long" or "LONG" => TradeSide.Long,
        "short" or "SHORT" => TradeSide.Short,
        var other => throw new FormatException($"unknown direction '{other}'"),
    };
}
