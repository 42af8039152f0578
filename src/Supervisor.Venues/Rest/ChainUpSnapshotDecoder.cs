using System.Text.Json;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.Rest;

/// <summary>
/// ChainUP-cloud's REST snapshot responses (chainup.md §4.2): <c>GET /fapi/v1/account</c> (balances and positions)
/// and <c>GET /fapi/v1/openOrders</c>. Errors are <c>{"code":-1022,"msg":…}</c>; rate limits are HTTP statuses,
/// which <see cref="StatusError"/> maps. Ids may be 19-digit JSON numbers: they are kept as text, never as doubles.
/// </summary>
public sealed class ChainUpSnapshotDecoder(DecoderLimits? limits = null)
{
    /// <summary>The account path.</summary>
    public const string AccountPath = "/fapi/v1/account";

    /// <summary>The open-orders path (all contracts when no contractName is given).</summary>
    public const string OpenOrdersPath = "/fapi/v1/openOrders";

    private readonly DecoderLimits _limits = limits ?? DecoderLimits.Default;

    /// <summary>The error an HTTP status stands for, or null for 200.</summary>
    public static RestError? StatusError(int status) => status switch
    {
        200 => null,
        429 or 418 or 410 => new RestError(RestErrorKind.RateLimited, $"ChainUP HTTP {status}: rate limited"),
        401 or 403 => new RestError(RestErrorKind.AuthenticationFailed, $"ChainUP HTTP {status}"),
        _ => new RestError(RestErrorKind.VenueError, $"ChainUP HTTP {status}"),
    };

    /// <summary>Balances per margin coin and every position with volume.</summary>
    public RestResult<AccountSnapshot> Account(ReadOnlySpan<byte> body) => RestJson.Decode(body, _limits, root =>
    {
        if (Error(root) is { } error)
        {
            return RestResult<AccountSnapshot>.Fail(error.Kind, error.Message);
        }
        var balances = new List<AssetBalanceChanged>();
        var positions = new List<PositionChanged>();
        foreach (var account in RestJson.Array(RestJson.Property(Payload(root), "account"), "account"))
        {
            balances.Add(new AssetBalanceChanged(ChainUpCodec.Venue, JsonValues.Text(account, "marginCoin"u8),
                JsonValues.Decimal(account, "accountNormal"u8), JsonValues.DecimalOr(account, "accountLock"u8, 0m), JsonValues.DecimalOr(account, "partPositionNormal"u8, 0m)));
            if (!account.TryGetProperty("positionVos", out var vos) || vos.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            foreach (var contract in RestJson.Array(vos, "positionVos"))
            {
                var name = JsonValues.Text(contract, "contractName"u8);
                foreach (var p in RestJson.Array(RestJson.Property(contract, "positions"), "positions"))
                {
                    if (JsonValues.DecimalOr(p, "status"u8, 1m) == 0m || JsonValues.Decimal(p, "volume"u8) == 0m)
                    {
                        continue;
                    }
                    positions.Add(new PositionChanged(ChainUpCodec.Venue, JsonValues.Text(p, "id"u8), name, Side(JsonValues.Text(p, "side"u8)),
                        JsonValues.Decimal(p, "volume"u8), JsonValues.Decimal(p, "openPrice"u8), JsonValues.Decimal(p, "leverageLevel"u8),
                        JsonValues.DecimalOr(p, "holdAmount"u8, 0m))
                    {
                        MarginMode = ChainUpCodec.MarginModeOf(JsonValues.OptionalDecimal(p, "positionType"u8), "positionType"),
                        RealizedPnl = JsonValues.OptionalDecimal(p, "realizedAmount"u8),
                        LiquidationPrice = JsonValues.OptionalDecimal(p, "reducePrice"u8),
                    });
                }
            }
        }
        return RestResult<AccountSnapshot>.Ok(new AccountSnapshot(ChainUpCodec.Venue, balances, positions, []));
    });

    /// <summary>Every open order.</summary>
    public RestResult<IReadOnlyList<OrderChanged>> OpenOrders(ReadOnlySpan<byte> body) => RestJson.Decode(body, _limits, root =>
    {
        if (Error(root) is { } error)
        {
            return RestResult<IReadOnlyList<OrderChanged>>.Fail(error.Kind, error.Message);
        }
        return RestResult<IReadOnlyList<OrderChanged>>.Ok(RestJson.Array(Payload(root), "openOrders").Select(Order).ToList());
    });

    // Success is the bare payload, or {"code":"0","msg":…,"data":…} on some endpoints.
    private static JsonElement Payload(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && root.TryGetProperty("code", out _) ? data : root;

    private static RestError? Error(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || JsonValues.TextOrNull(root, "code"u8) is not { } code || code == "0")
        {
            return null;
        }
        var message = JsonValues.TextOrNull(root, "msg"u8) ?? "";
        var kind = code switch
        {
            "-1022" or "-1024" => RestErrorKind.InvalidSignature,
            "-2015" or "-1021" or "-1023" => RestErrorKind.AuthenticationFailed,
            _ => RestErrorKind.VenueError,
        };
        return new RestError(kind, $"ChainUP code {code}: {message}");
    }

    private static OrderChanged Order(JsonElement item)
    {
        var volume = JsonValues.Decimal(item, "origQty"u8);
        var dealt = JsonValues.DecimalOr(item, "executedQty"u8, 0m);
        var status = JsonValues.Text(item, "status"u8) switch
        {
            "NEW" or "INIT" or "PENDING_CANCEL" => dealt > 0 ? OrderStatus.PartiallyFilled : OrderStatus.New,
            "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
            var other => throw new FormatException($"an open order with status '{other}'"),
        };
        return new OrderChanged(ChainUpCodec.Venue, JsonValues.Text(item, "orderId"u8), JsonValues.Text(item, "contractName"u8),
            JsonValues.TextOrNull(item, "side"u8) is { } side ? Side(side) : null, JsonValues.Decimal(item, "price"u8), volume, dealt, status)
        {
            AveragePrice = JsonValues.OptionalDecimal(item, "avgPrice"u8),
            OrderType = OrderType(JsonValues.OptionalText(item, "type"u8)),
        };
    }

    // REST names the type in words where the push sends a code; any other word is kept as sent, so nothing is lost.
    private static string? OrderType(string? type) => type?.ToUpperInvariant() switch
    {
        null => null,
        "LIMIT" => OrderTypes.Limit,
        "MARKET" => OrderTypes.Market,
        _ => type,
    };

    private static TradeSide Side(string side) => side.ToUpperInvariant() switch
    {
        "BUY" => TradeSide.Long,
        "SELL" => TradeSide.Short,
        _ => throw new FormatException($"unknown side '{side}'"),
    };
}
