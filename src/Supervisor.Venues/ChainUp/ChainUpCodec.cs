using System.Buffers;
using System.Text;
using System.Text.Json;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.ChainUp;

/// <summary>
/// The ChainUP-cloud futures private socket (see shared/venues/chainup.md): upgrade headers, sub / unsub bodies with
/// the broker id, ping; decodes the text frames <c>connect success</c> / <c>sub success</c>, gzip pushes of
/// ACCOUNT_UPDATE, ADL_PRICE, SYSTEM, order and trigOrder, and pongs as text or gzip.
/// ACCOUNT_UPDATE's UPDATE carries only the changed position fields, so one codec instance per connection keeps the
/// positions it has seen and emits full <see cref="PositionChanged"/> states; an UPDATE for a position it has not seen
/// (right after a reconnect) yields a <see cref="PositionPatched"/> the account's state merges into what REST told it.
/// ADL_PRICE yields one <see cref="AdlRankChanged"/> per position, its market prices included (the state takes the
/// mark from there, so no separate mark event is sent). Never throws.
/// </summary>
public sealed class ChainUpCodec(DecoderLimits? limits = null)
{
    /// <summary>The venue name.</summary>
    public const string Venue = "chainup";

    private readonly DecoderLimits _limits = limits ?? DecoderLimits.Default;
    private readonly Dictionary<string, PositionChanged> _positions = new(StringComparer.Ordinal);

    /// <summary>Upgrade headers for API-key mode: <c>api-key</c> (canonical) plus <c>apiKey</c> (Coinlocally's docs).</summary>
    public static IReadOnlyDictionary<string, string> ApiKeyHeaders(string apiKey) =>
        new Dictionary<string, string> { ["api-key"] = apiKey, ["apiKey"] = apiKey };

    /// <summary>Upgrade headers for token mode.</summary>
    public static IReadOnlyDictionary<string, string> TokenHeaders(string token) => new Dictionary<string, string> { ["token"] = token };

    /// <summary><c>{"event":"sub","apiKey":…,"broker":…}</c>.</summary>
    public static byte[] Subscribe(string apiKey, int broker) => Body("sub", "apiKey", apiKey, broker);

    /// <summary><c>{"event":"sub","token":…,"broker":…}</c>.</summary>
    public static byte[] SubscribeWithToken(string token, int broker) => Body("sub", "token", token, broker);

    /// <summary>The matching unsubscribe.</summary>
    public static byte[] Unsubscribe(string apiKey, int broker) => Body("unsub", "apiKey", apiKey, broker);

    /// <summary><c>{"ping":&lt;epoch ms&gt;}</c>.</summary>
    public static byte[] Ping(DateTimeOffset now) => Encoding.UTF8.GetBytes($"{{\"ping\":{now.ToUnixTimeMilliseconds()}}}");

    /// <summary>Forgets the positions seen (a new connection starts from the REST snapshot).</summary>
    public void Reset() => _positions.Clear();

    /// <summary>Decodes one frame: text (greetings, maybe a pong) or binary gzip JSON.</summary>
    public DecodeResult Decode(ReadOnlySpan<byte> frame, bool isBinary)
    {
        if (frame.Length > _limits.MaxFrameBytes)
        {
            return DecodeResult.Failed(DecodeErrorKind.TooLarge, $"frame of {frame.Length} bytes exceeds {_limits.MaxFrameBytes}", frame);
        }
        if (isBinary)
        {
            var json = Gzip.InflateRented(frame, _limits.MaxDecompressedBytes, out var length, out var error);
            if (json is null)
            {
                return DecodeResult.Failed(DecodeErrorKind.BadCompression, error!, frame);
            }
            try
            {
                // Nothing decoded keeps a reference to the bytes (strings and decimals are copies), so the buffer goes back at once.
                return DecodeJson(json.AsMemory(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(json);
            }
        }
        var text = frame.Trim((byte)' ');
        if (text.SequenceEqual("connect success"u8))
        {
            return DecodeResult.Of(new ControlFrame.Greeting());
        }
        if (text.SequenceEqual("sub success"u8))
        {
            return DecodeResult.Of(new ControlFrame.SubscriptionReply(true, "all", true, null, null));
        }
        return DecodeJson(frame.ToArray().AsMemory());
    }

    /// <summary>Parses <paramref name="json"/> in place: the inflated buffer is this call's own, so no copy is needed.</summary>
    private DecodeResult DecodeJson(ReadOnlyMemory<byte> json)
    {
        if (ChainUpPushReader.TryRead(json.Span, _limits.MaxJsonDepth, out var update, out var adl))
        {
            try
            {
                return update is not null ? AccountUpdate(update) : AdlPrice(adl!);
            }
            catch (Exception error) when (error is FormatException or OverflowException)
            {
                return DecodeResult.Failed(DecodeErrorKind.UnexpectedShape, error.Message, json.Span);
            }
        }
        return DecodeGeneral(json);
    }

    /// <summary>Every frame through <see cref="JsonDocument"/>: control frames, rare channels, and anything the push reader declines.</summary>
    internal DecodeResult DecodeGeneral(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = _limits.MaxJsonDepth });
        }
        catch (JsonException error)
        {
            var kind = JsonErrors.KindOf(error);
            return DecodeResult.Failed(kind, error.Message, json.Span);
        }
        using (document)
        {
            try
            {
                return Route(document.RootElement);
            }
            catch (Exception error) when (error is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
            {
                return DecodeResult.Failed(DecodeErrorKind.UnexpectedShape, error.Message, json.Span);
            }
        }
    }

    private DecodeResult Route(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object, got {root.ValueKind}");
        }
        if (root.TryGetProperty("pong"u8, out _))
        {
            return DecodeResult.Of(new ControlFrame.Pong());
        }
        return JsonValues.Text(root, "channel"u8) switch
        {
            "ACCOUNT_UPDATE" => AccountUpdate(ReadAccountUpdate(root.GetProperty("d"u8))),
            "ADL_PRICE" => AdlPrice(ReadAdl(root.GetProperty("l"u8))),
            "SYSTEM" => DecodeResult.Of(new ControlFrame.Shutdown($"SYSTEM {JsonValues.TextOrNull(root, "et"u8) ?? ""}".Trim())),
            "order" => DecodeResult.Of([Order(root.GetProperty("order"u8))]),
            "trigOrder" => DecodeResult.Of([TriggerOrder(root.GetProperty("trigOrder"u8))]),
            var other => throw new FormatException($"unknown channel '{other}'"),
        };
    }

    /// <summary>ACCOUNT_UPDATE's <c>d</c> read from the DOM into the same shape the push reader produces.</summary>
    private static AccountUpdatePush ReadAccountUpdate(JsonElement d)
    {
        var balances = new List<AssetBalanceChanged>();
        if (d.TryGetProperty("a"u8, out var accounts) && accounts.ValueKind == JsonValueKind.Array)
        {
            foreach (var account in accounts.EnumerateArray())
            {
                balances.Add(new AssetBalanceChanged(Venue, JsonValues.Text(account, "c"u8), JsonValues.Decimal(account, "an"u8),
                    JsonValues.DecimalOr(account, "la"u8, 0m), JsonValues.DecimalOr(account, "pn"u8, 0m)));
            }
        }
        var position = d.TryGetProperty("p"u8, out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("id"u8, out _)
            ? new PositionFields(JsonValues.Text(p, "id"u8))
            {
                Instrument = JsonValues.OptionalText(p, "cn"u8),
                Side = JsonValues.OptionalText(p, "s"u8),
                Quantity = JsonValues.OptionalDecimal(p, "pv"u8),
                EntryPrice = JsonValues.OptionalDecimal(p, "op"u8),
                Leverage = JsonValues.OptionalDecimal(p, "l"u8),
                Margin = JsonValues.OptionalDecimal(p, "hm"u8),
                MarginMode = MarginModeOf(JsonValues.OptionalDecimal(p, "pt"u8), "pt"),
                LiquidationPrice = JsonValues.OptionalDecimal(p, "rp"u8),
                RealizedPnl = JsonValues.OptionalDecimal(p, "ra"u8),
                MarginRate = JsonValues.OptionalDecimal(p, "mr"u8),
                InitialMargin = JsonValues.OptionalDecimal(p, "oa"u8),
                ClosableQuantity = JsonValues.OptionalDecimal(p, "ccv"u8),
            }
            : null;
        return new AccountUpdatePush(JsonValues.Text(d, "et"u8), balances, position);
    }

    /// <summary>ChainUP's margin-mode code (push <c>pt</c>, REST <c>positionType</c>); null when not sent.</summary>
    internal static MarginMode? MarginModeOf(decimal? code, string field) =>
        PositionFields.TryMarginMode(code, out var mode) ? mode
            : throw new FormatException($"field '{field}' is not a margin mode (1 cross, 2 isolated): {code}");

    /// <summary>
    /// Merges an ACCOUNT_UPDATE with the positions this connection has seen: CREATE is a whole position, UPDATE only the
    /// changed fields (a patch when the position is unknown), DELETE a close.
    /// </summary>
    internal DecodeResult AccountUpdate(AccountUpdatePush push)
    {
        var events = new List<VenueEvent>(push.Balances.Count + 1);
        events.AddRange(push.Balances);
        var p = push.Position;
        switch (push.EventType)
        {
            case "CREATE" when p is not null:
                events.Add(Remember(new PositionChanged(Venue, p.Id, p.Instrument ?? throw Missing("cn"), Side(p.Side ?? throw Missing("s")),
                    p.Quantity ?? throw Missing("pv"), p.EntryPrice ?? throw Missing("op"), p.Leverage ?? throw Missing("l"), p.Margin ?? 0m)
                {
                    MarginMode = p.MarginMode,
                    LiquidationPrice = p.LiquidationPrice,
                    RealizedPnl = p.RealizedPnl,
                    MarginRate = p.MarginRate,
                    InitialMargin = p.InitialMargin,
                    ClosableQuantity = p.ClosableQuantity,
                }));
                break;
            case "UPDATE" when p is not null:
                var patch = p.ToPatch(Venue, p.Side is { } side ? Side(side) : null);
                // Merged by the event contract's own rule (PositionPatched.Onto), so a patch means the same here and in the state.
                events.Add(_positions.TryGetValue(p.Id, out var known) ? Remember(patch.Onto(known)) : patch);
                break;
            case "DELETE" when p is not null:
                _positions.Remove(p.Id, out var closed);
                events.Add(new PositionClosed(Venue, p.Id, closed?.Instrument ?? ""));
                break;
            case "CREATE" or "UPDATE" or "DELETE" or "DEFAULT":
                break;
            case var other:
                throw new FormatException($"unknown ACCOUNT_UPDATE event type '{other}'");
        }
        return DecodeResult.Of(events);
    }

    private static FormatException Missing(string field) => new($"missing field '{field}'");

    private static List<AdlItem> ReadAdl(JsonElement list)
    {
        var items = new List<AdlItem>();
        foreach (var item in list.EnumerateArray())
        {
            var al = JsonValues.Decimal(item, "al"u8);
            if (!AdlItem.TryRank(al, out var rank))
            {
                throw new FormatException($"field 'al' is not an ADL rank (a whole number from 1): {al}");
            }
            items.Add(new AdlItem(JsonValues.Text(item, "id"u8), rank,
                JsonValues.OptionalDecimal(item, "rp"u8), JsonValues.OptionalDecimal(item, "ha"u8), JsonValues.OptionalDecimal(item, "mr"u8),
                JsonValues.OptionalDecimal(item, "bo"u8), JsonValues.OptionalDecimal(item, "so"u8), JsonValues.OptionalDecimal(item, "lt"u8),
                JsonValues.OptionalDecimal(item, "tp"u8)));
        }
        return items;
    }

    /// <summary>One rank event per position, named by the instrument when this connection has seen the position.</summary>
    internal DecodeResult AdlPrice(IReadOnlyList<AdlItem> items)
    {
        var events = new List<VenueEvent>(items.Count);
        // By index: a foreach over the interface would box the list's enumerator once a second per connection.
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var instrument = _positions.TryGetValue(item.PositionId, out var known) ? known.Instrument : "";
            events.Add(new AdlRankChanged(Venue, item.PositionId, instrument, item.Rank)
            {
                LiquidationPrice = item.LiquidationPrice,
                PositionMargin = item.PositionMargin,
                MarginRate = item.MarginRate,
                BestBid = item.BestBid,
                BestAsk = item.BestAsk,
                LastPrice = item.LastPrice,
                MarkPrice = item.MarkPrice,
            });
        }
        return DecodeResult.Of(events);
    }

    private static OrderChanged Order(JsonElement order)
    {
        var volume = JsonValues.Decimal(order, "volume"u8);
        var dealt = JsonValues.DecimalOr(order, "dealVolume"u8, 0m);
        var status = JsonValues.Text(order, "orderAction"u8) switch
        {
            "1" => OrderStatus.New,
            "2" => OrderStatus.Cancelled,
            "3" => dealt >= volume ? OrderStatus.Filled : OrderStatus.PartiallyFilled,
            var other => throw new FormatException($"unknown orderAction '{other}'"),
        };
        return new OrderChanged(Venue, JsonValues.Text(order, "orderId"u8), JsonValues.Text(order, "contractName"u8), null,
            JsonValues.Decimal(order, "price"u8), volume, dealt, status)
        {
            OrderType = Code(order, "type"u8) switch
            {
                "1" => OrderTypes.Limit,
                "2" => OrderTypes.Market,
                "3" => OrderTypes.ImmediateOrCancel,
                "4" => OrderTypes.FillOrKill,
                "5" => OrderTypes.PostOnly,
                "6" => OrderTypes.ForcedReduction,
                "7" => OrderTypes.PositionConsolidation,
                "9" => OrderTypes.SystemClose,
                "10" => OrderTypes.SystemDelivery,
                var other => other,
            },
            AveragePrice = JsonValues.OptionalDecimal(order, "avgPrice"u8),
            Fee = JsonValues.OptionalDecimal(order, "tradeFee"u8),
            RealizedPnl = JsonValues.OptionalDecimal(order, "realizedAmount"u8),
            TakeProfitStopLoss = TakeProfitStopLoss(order),
        };
    }

    /// <summary><c>otoOrder</c>: null when absent or null; inside it a missing price reads as 0 and a missing status as "not set", as the venue shows an unset leg.</summary>
    private static TakeProfitStopLoss? TakeProfitStopLoss(JsonElement order)
    {
        if (!order.TryGetProperty("otoOrder"u8, out var oto) || oto.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (oto.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"field 'otoOrder' is not an object: {oto.GetRawText()}");
        }
        return new TakeProfitStopLoss(
            Flag(oto, "takerProfitStatus"u8),
            JsonValues.OptionalDecimal(oto, "takerProfitTrigger"u8) ?? 0m,
            JsonValues.OptionalDecimal(oto, "takerProfitPrice"u8) ?? 0m,
            JsonValues.OptionalText(oto, "takerProfitTriggerId"u8),
            Flag(oto, "stopLossStatus"u8),
            JsonValues.OptionalDecimal(oto, "stopLossTrigger"u8) ?? 0m,
            JsonValues.OptionalDecimal(oto, "stopLossPrice"u8) ?? 0m,
            JsonValues.OptionalText(oto, "stopLossTriggerId"u8));
    }

    /// <summary>A JSON boolean, false when absent or null; a string "true" is not accepted (the venue sends booleans).</summary>
    private static bool Flag(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw new FormatException($"field '{Encoding.UTF8.GetString(name)}' is not a boolean: {value.GetRawText()}"),
        };

    /// <summary>A type code (number or string) as text, null when absent or null; an empty one is a shape error, not a type.</summary>
    private static string? Code(JsonElement element, ReadOnlySpan<byte> name) =>
        JsonValues.OptionalText(element, name) is not { } code ? null
            : code.Length > 0 ? code
            : throw new FormatException($"field '{Encoding.UTF8.GetString(name)}' is empty");

    private static TriggerOrderChanged TriggerOrder(JsonElement trigger) =>
        new(Venue, JsonValues.Text(trigger, "triggerOrderId"u8), JsonValues.TextOrNull(trigger, "contractName"u8) ?? "", Side(JsonValues.Text(trigger, "side"u8)),
            JsonValues.Decimal(trigger, "triggerPrice"u8), JsonValues.Decimal(trigger, "volume"u8),
            JsonValues.Text(trigger, "orderAction"u8) switch
            {
                "1" => OrderStatus.New,
                "2" => OrderStatus.Cancelled,
                var other => throw new FormatException($"unknown orderAction '{other}'"),
            })
        {
            Price = JsonValues.OptionalDecimal(trigger, "price"u8),
            OrderType = Code(trigger, "type"u8) switch
            {
                "1" => OrderTypes.Limit,
                "2" => OrderTypes.Market,
                var other => other,
            },
            TriggerKind = Code(trigger, "triggerType"u8) switch
            {
                "1" => OrderTypes.StopLoss,
                "2" => OrderTypes.TakeProfit,
                "3" => OrderTypes.RiseTo,
                "4" => OrderTypes.FallTo,
                var other => other,
            },
            CreatedAt = JsonValues.OptionalTimestamp(trigger, "ctime"u8),
            ExpiresAt = JsonValues.OptionalTimestamp(trigger, "expireTime"u8),
        };

    private PositionChanged Remember(PositionChanged position) => _positions[position.PositionId] = position;

    private static TradeSide Side(string side) => side switch
    {
        "BUY" or "buy" => TradeSide.Long,
        "SELL" or "sell" => TradeSide.Short,
        _ => throw new FormatException($"unknown side '{side}'"),
    };

    private static byte[] Body(string @event, string credentialField, string credential, int broker) =>
        Encoding.UTF8.GetBytes($"{{\"event\":\"{@event}\",\"{credentialField}\":{JsonSerializer.Serialize(credential)},\"broker\":{broker}}}");
}
