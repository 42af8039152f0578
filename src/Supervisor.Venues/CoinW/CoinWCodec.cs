using System.Text;
using System.Text.Json;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.CoinW;

/// <summary>
/// The CoinW futures WebSocket protocol (see shared/venues/coinw.md): encodes login, sub, unsub and ping, and decodes
/// acks, bare errors, pongs and the private pushes (order, position, position_change, assets, user_setting) plus mark
/// prices into normalized events, with every documented field we model (docs/venues.md lists the ones left out and
/// why). index_price, funding_rate and assets_ag are recognized and carry nothing we model.
/// Decoding never throws: every failure is a typed <see cref="DecodeError"/>.
/// </summary>
public sealed class CoinWCodec(DecoderLimits? limits = null)
{
    /// <summary>The venue name.</summary>
    public const string Venue = "coinw";

    /// <summary>The private channels an account holds.</summary>
    public static IReadOnlyList<string> PrivateChannels { get; } = ["order", "position", "position_change", "assets", "user_setting"];

    private readonly DecoderLimits _limits = limits ?? DecoderLimits.Default;

    /// <summary><c>{"event":"login","params":{"api_key":…,"passphrase":…}}</c>: CoinW sends the raw secret as "passphrase", no signature.</summary>
    public static byte[] Login(string apiKey, string secret) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["event"] = "login", ["params"] = new Dictionary<string, string> { ["api_key"] = apiKey, ["passphrase"] = secret } });

    /// <summary>A private-channel subscribe (no pairCode), or a public one with <paramref name="pairCode"/>.</summary>
    public static byte[] Subscribe(string channel, string? pairCode = null) => Command("sub", channel, pairCode);

    /// <summary>The matching unsubscribe.</summary>
    public static byte[] Unsubscribe(string channel, string? pairCode = null) => Command("unsub", channel, pairCode);

    /// <summary><c>{"event":"ping"}</c>.</summary>
    public static byte[] Ping() => "{\"event\":\"ping\"}"u8.ToArray();

    /// <summary>Decodes one text frame.</summary>
    /// <remarks>The events keep no reference to the frame, so only the general path needs a copy of it.</remarks>
    public DecodeResult Decode(ReadOnlySpan<byte> frame) =>
        frame.Length > _limits.MaxFrameBytes ? TooLarge(frame)
            : CoinWPushReader.TryRead(frame, _limits.MaxJsonDepth) ?? DecodeGeneral(frame.ToArray());

    /// <summary>Decodes one text frame the caller owns (no copy).</summary>
    public DecodeResult Decode(byte[] frame) =>
        frame.Length > _limits.MaxFrameBytes ? TooLarge(frame)
            : CoinWPushReader.TryRead(frame, _limits.MaxJsonDepth) ?? DecodeGeneral(frame);

    /// <summary>Decodes one text frame without copying it; the memory must not change until this returns.</summary>
    public DecodeResult Decode(ReadOnlyMemory<byte> frame) =>
        frame.Length > _limits.MaxFrameBytes ? TooLarge(frame.Span)
            : CoinWPushReader.TryRead(frame.Span, _limits.MaxJsonDepth) ?? DecodeGeneral(frame);

    private DecodeResult TooLarge(ReadOnlySpan<byte> frame) =>
        DecodeResult.Failed(DecodeErrorKind.TooLarge, $"frame of {frame.Length} bytes exceeds {_limits.MaxFrameBytes}", frame);

    /// <summary>Every frame through <see cref="JsonDocument"/>: control frames, rare channels, and anything the push reader declines.</summary>
    internal DecodeResult DecodeGeneral(ReadOnlyMemory<byte> frame)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame, new JsonDocumentOptions { MaxDepth = _limits.MaxJsonDepth });
        }
        catch (JsonException error)
        {
            var kind = JsonErrors.KindOf(error);
            return DecodeResult.Failed(kind, error.Message, frame.Span);
        }
        using (document)
        {
            try
            {
                return Route(document.RootElement);
            }
            catch (Exception error) when (error is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
            {
                return DecodeResult.Failed(DecodeErrorKind.UnexpectedShape, error.Message, frame.Span);
            }
        }
    }

    private static DecodeResult Route(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object, got {root.ValueKind}");
        }
        if (root.TryGetProperty("event"u8, out var @event) && @event.ValueKind == JsonValueKind.String && @event.ValueEquals("pong"u8))
        {
            return DecodeResult.Of(new ControlFrame.Pong());
        }
        if (root.TryGetProperty("channel"u8, out var channel))
        {
            var data = root.GetProperty("data"u8);
            var accepted = data.GetProperty("result"u8).GetBoolean();
            var (code, message) = accepted ? (null, null) : (JsonValues.TextOrNull(data, "errorCode"u8), JsonValues.TextOrNull(data, "errorMsg"u8));
            return channel.GetString() switch
            {
                "login" => DecodeResult.Of(new ControlFrame.LoginReply(accepted, code, message)),
                "subscribe" => DecodeResult.Of(new ControlFrame.SubscriptionReply(true, JsonValues.TextOrNull(root, "type"u8), accepted, code, message) { PairCode = JsonValues.TextOrNull(root, "pairCode"u8) }),
                "unsub" or "unsubscribe" => DecodeResult.Of(new ControlFrame.SubscriptionReply(false, JsonValues.TextOrNull(root, "type"u8), accepted, code, message) { PairCode = JsonValues.TextOrNull(root, "pairCode"u8) }),
                var other => throw new FormatException($"unknown channel '{other}'"),
            };
        }
        if (root.TryGetProperty("result"u8, out var result) && result.ValueKind == JsonValueKind.False)
        {
            return DecodeResult.Of(new ControlFrame.Error(JsonValues.Text(root, "errorCode"u8), JsonValues.TextOrNull(root, "errorMsg"u8) ?? ""));
        }
        var type = JsonValues.Text(root, "type"u8);
        var payload = root.GetProperty("data"u8);
        return type switch
        {
            "order" => Each(payload, OrderOrTrigger),
            "position" => Each(payload, Position),
            "position_change" => Each(payload, Fill),
            "assets" => Assets(payload),
            "user_setting" => Each(payload, Setting),
            "mark_price" => DecodeResult.Of([new MarkPriceChanged(Venue, Instrument(root, payload), JsonValues.Decimal(payload, "p"u8)) { At = JsonValues.OptionalTimestamp(payload, "t"u8) }]),
            "index_price" or "funding_rate" or "assets_ag" => DecodeResult.Nothing,
            _ => throw new FormatException($"unknown push type '{type}'"),
        };
    }

    private static DecodeResult Each(JsonElement data, Func<JsonElement, VenueEvent> map)
    {
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("private push data must be an array");
        }
        var events = new List<VenueEvent>(data.GetArrayLength());
        foreach (var item in data.EnumerateArray())
        {
            events.Add(map(item));
        }
        return DecodeResult.Of(events);
    }

    private static DecodeResult Assets(JsonElement data)
    {
        // The official example repeats one record: last wins, one event per currency.
        var byCurrency = new Dictionary<string, VenueEvent>(StringComparer.Ordinal);
        foreach (var item in data.EnumerateArray())
        {
            var asset = JsonValues.Text(item, "currency"u8).ToUpperInvariant();
            byCurrency[asset] = new AssetBalanceChanged(Venue, asset,
                JsonValues.Decimal(item, "available"u8), JsonValues.DecimalOr(item, "freeze"u8, 0m), JsonValues.DecimalOr(item, "margin"u8, 0m))
            {
                Hold = JsonValues.OptionalDecimal(item, "hold"u8),
                AvailableMargin = JsonValues.OptionalDecimal(item, "availableMargin"u8),
                Transferable = JsonValues.OptionalDecimal(item, "transferAvailable"u8),
                UnrealizedPnl = JsonValues.OptionalDecimal(item, "profitUnreal"u8),
                CouponBalance = JsonValues.OptionalDecimal(item, "almightyGold"u8),
            };
        }
        return DecodeResult.Of([.. byCurrency.Values]);
    }

    private static MarginSettingsChanged Setting(JsonElement item) =>
        new(Venue, MarginModeOf(item) ?? throw new FormatException("missing field 'positionModel'"),
            JsonValues.Decimal(item, "layout"u8) switch
            {
                0m => PositionLayout.Merged,
                1m => PositionLayout.Split,
                var other => throw new FormatException($"unknown layout {other}"),
            });

    /// <summary>CoinW sends trigger (plan) orders on the order channel, marked <c>posType</c> / <c>originalType</c> <c>planTrigger</c>.</summary>
    private static VenueEvent OrderOrTrigger(JsonElement item)
    {
        if (JsonValues.TextOrNull(item, "posType"u8) != "planTrigger" && JsonValues.TextOrNull(item, "originalType"u8) != "planTrigger")
        {
            return Order(item);
        }
        // Read whole, as an order, so a malformed documented field fails a trigger order as it fails an order.
        var order = Order(item);
        return new TriggerOrderChanged(Venue, order.OrderId, order.Instrument, order.Side ?? TradeSide.Long,
            JsonValues.DecimalOr(item, "triggerPrice"u8, order.Price), order.Quantity, order.Status)
        {
            Price = order.Price,
            Leverage = order.Leverage,
            MarginMode = order.MarginMode,
            Source = order.Source,
            CreatedAt = order.CreatedAt,
            UpdatedAt = order.UpdatedAt,
        };
    }

    private static OrderChanged Order(JsonElement item)
    {
        var total = JsonValues.Decimal(item, "totalPiece"u8);
        var remaining = JsonValues.DecimalOr(item, "currentPiece"u8, total);
        return WithDetails(new OrderChanged(Venue, JsonValues.Text(item, "id"u8), JsonValues.Text(item, "instrument"u8), Side(item),
            JsonValues.Decimal(item, "orderPrice"u8), total, total - remaining, OrderStatusOf(JsonValues.Text(item, "orderStatus"u8))), item);
    }

    /// <summary>The optional fields of an order record; the REST open orders carry the same names.</summary>
    internal static OrderChanged WithDetails(OrderChanged order, JsonElement item) => order with
    {
        OrderType = OrderTypeOf(JsonValues.OptionalText(item, "posType"u8)),
        OriginalOrderType = OrderTypeOf(JsonValues.OptionalText(item, "originalType"u8)),
        Leverage = JsonValues.OptionalDecimal(item, "leverage"u8),
        MarginMode = MarginModeOf(item),
        Margin = JsonValues.OptionalDecimal(item, "margin"u8),
        PositionMargin = JsonValues.OptionalDecimal(item, "positionMargin"u8),
        Fee = JsonValues.OptionalDecimal(item, "fee"u8),
        FrozenFee = JsonValues.OptionalDecimal(item, "frozenFee"u8),
        MakerFeeRate = JsonValues.OptionalDecimal(item, "makerFee"u8),
        TakerFeeRate = JsonValues.OptionalDecimal(item, "takerFee"u8),
        BaseQuantity = JsonValues.OptionalDecimal(item, "baseSize"u8),
        LiquidatedBy = JsonValues.OptionalText(item, "liquidateBy"u8),
        Source = JsonValues.OptionalText(item, "source"u8),
        CreatedAt = JsonValues.OptionalTimestamp(item, "createdDate"u8),
        UpdatedAt = JsonValues.OptionalTimestamp(item, "updatedDate"u8),
    };

    private static VenueEvent Position(JsonElement item)
    {
        var id = JsonValues.Text(item, "id"u8);
        var instrument = JsonValues.Text(item, "instrument"u8);
        var status = JsonValues.TextOrNull(item, "status"u8) ?? "open";
        if (status is "close" or "closed" or "cancel" or "1" or "2")
        {
            return new PositionClosed(Venue, id, instrument);
        }
        return WithDetails(new PositionChanged(Venue, id, instrument, Side(item), JsonValues.Decimal(item, "currentPiece"u8),
            JsonValues.Decimal(item, "openPrice"u8), JsonValues.Decimal(item, "leverage"u8), JsonValues.DecimalOr(item, "margin"u8, 0m)), item);
    }

    /// <summary>The optional fields of a position record; the REST positions carry the same names.</summary>
    internal static PositionChanged WithDetails(PositionChanged position, JsonElement item) => position with
    {
        MarginMode = MarginModeOf(item),
        PositionMargin = JsonValues.OptionalDecimal(item, "positionMargin"u8),
        Fee = JsonValues.OptionalDecimal(item, "fee"u8),
        FundingFee = JsonValues.OptionalDecimal(item, "fundingSettle"u8),
        ClosedQuantity = JsonValues.OptionalDecimal(item, "closedPiece"u8),
        BaseQuantity = JsonValues.OptionalDecimal(item, "baseSize"u8),
        OpenedAt = JsonValues.OptionalTimestamp(item, "createdDate"u8),
        UpdatedAt = JsonValues.OptionalTimestamp(item, "updatedDate"u8),
    };

    private static FillReceived Fill(JsonElement item) =>
        new(Venue, JsonValues.Text(item, "id"u8), JsonValues.Text(item, "orderId"u8), JsonValues.Text(item, "instrument"u8), Side(item),
            JsonValues.OptionalDecimal(item, "realPrice"u8) ?? JsonValues.OptionalDecimal(item, "openPrice"u8) ?? 0m, JsonValues.Decimal(item, "totalPiece"u8), JsonValues.DecimalOr(item, "fee"u8, 0m))
        {
            PositionId = JsonValues.OptionalText(item, "openId"u8),
            RealizedPnl = JsonValues.OptionalDecimal(item, "netProfit"u8),
            FeeRate = JsonValues.OptionalDecimal(item, "feeRate"u8),
            Liquidity = JsonValues.OptionalDecimal(item, "takerMaker"u8) switch
            {
                null => null,
                1m => Liquidity.Taker,
                2m => Liquidity.Maker,
                var other => throw new FormatException($"unknown takerMaker {other}"),
            },
            Closing = JsonValues.OptionalText(item, "status"u8) switch
            {
                null => null,
                "close" or "closed" => true,
                "open" => false,
                var other => throw new FormatException($"unknown fill status '{other}'"),
            },
            EntryPrice = JsonValues.OptionalDecimal(item, "openPrice"u8),
            ClosePrice = JsonValues.OptionalDecimal(item, "closePrice"u8),
            Leverage = JsonValues.OptionalDecimal(item, "leverage"u8),
            MarginMode = MarginModeOf(item),
            FundingFee = JsonValues.OptionalDecimal(item, "fundingSettle"u8),
            PositionQuantity = JsonValues.OptionalDecimal(item, "currentPiece"u8),
            LiquidatedBy = JsonValues.OptionalText(item, "liquidateBy"u8),
            Source = JsonValues.OptionalText(item, "source"u8),
            ExecutedAt = JsonValues.OptionalTimestamp(item, "createdDate"u8),
        };

    /// <summary><c>positionModel</c>: 0 isolated, 1 cross (number or string); absent or null is null, any other value is an error.</summary>
    internal static MarginMode? MarginModeOf(JsonElement item) => JsonValues.OptionalDecimal(item, "positionModel"u8) switch
    {
        null => null,
        0m => MarginMode.Isolated,
        1m => MarginMode.Cross,
        var other => throw new FormatException($"unknown positionModel {other}"),
    };

    /// <summary>CoinW's order-type codes in <see cref="OrderTypes"/> terms; a code we do not know is kept as sent.</summary>
    internal static string? OrderTypeOf(string? code) => code switch
    {
        "plan" => OrderTypes.Limit,
        "execute" => OrderTypes.Market,
        "planTrigger" => OrderTypes.Trigger,
        "moveStopProfitLoss" => OrderTypes.TrailingStop,
        _ => code,
    };

    private static TradeSide Side(JsonElement item) => JsonValues.Text(item, "direction"u8) switch
    {
        "long" or "LONG" or "buy" => TradeSide.Long,
        "short" or "SHORT" or "sell" => TradeSide.Short,
        var other => throw new FormatException($"unknown direction '{other}'"),
    };

    private static OrderStatus OrderStatusOf(string status) => status switch
    {
        "unFinish" => OrderStatus.New,
        "part" => OrderStatus.PartiallyFilled,
        "finish" or "Finish" => OrderStatus.Filled,
        "cancel" or "Cancel" or "cancelAll" => OrderStatus.Cancelled,
        _ => throw new FormatException($"unknown orderStatus '{status}'"),
    };

    private static string Instrument(JsonElement root, JsonElement data) =>
        (JsonValues.TextOrNull(root, "pairCode"u8) ?? JsonValues.Text(data, "n"u8)).ToUpperInvariant();

    private static byte[] Command(string @event, string channel, string? pairCode)
    {
        var builder = new StringBuilder("{\"event\":\"").Append(@event).Append("\",\"params\":{\"biz\":\"futures\",\"type\":");
        builder.Append(JsonSerializer.Serialize(channel));
        if (pairCode is not null)
        {
            builder.Append(",\"pairCode\":").Append(JsonSerializer.Serialize(pairCode));
        }
        return Encoding.UTF8.GetBytes(builder.Append("}}").ToString());
    }
}
