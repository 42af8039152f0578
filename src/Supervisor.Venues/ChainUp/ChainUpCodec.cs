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
/// (right after a reconnect) yields no position event — reconciliation over REST supplies it. Never throws.
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
            var json = Gzip.Inflate(frame, _limits.MaxDecompressedBytes, out var error);
            return json is null ? DecodeResult.Failed(DecodeErrorKind.BadCompression, error!, frame) : DecodeJson(json.AsMemory());
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
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = _limits.MaxJsonDepth });
        }
        catch (JsonException error)
        {
            var kind = error.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? DecodeErrorKind.TooDeep : DecodeErrorKind.MalformedJson;
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
            "ACCOUNT_UPDATE" => AccountUpdate(root.GetProperty("d"u8)),
            "ADL_PRICE" => AdlPrice(root.GetProperty("l"u8)),
            "SYSTEM" => DecodeResult.Of(new ControlFrame.Shutdown($"SYSTEM {JsonValues.TextOrNull(root, "et"u8) ?? ""}".Trim())),
            "order" => DecodeResult.Of([Order(root.GetProperty("order"u8))]),
            "trigOrder" => DecodeResult.Of([TriggerOrder(root.GetProperty("trigOrder"u8))]),
            var other => throw new FormatException($"unknown channel '{other}'"),
        };
    }

    private DecodeResult AccountUpdate(JsonElement d)
    {
        var events = new List<VenueEvent>();
        if (d.TryGetProperty("a"u8, out var accounts) && accounts.ValueKind == JsonValueKind.Array)
        {
            foreach (var account in accounts.EnumerateArray())
            {
                events.Add(new AssetBalanceChanged(Venue, JsonValues.Text(account, "c"u8), JsonValues.Decimal(account, "an"u8),
                    JsonValues.DecimalOr(account, "la"u8, 0m), JsonValues.DecimalOr(account, "pn"u8, 0m)));
            }
        }
        var p = d.TryGetProperty("p"u8, out var position) && position.ValueKind == JsonValueKind.Object && position.TryGetProperty("id"u8, out _)
            ? position
            : (JsonElement?)null;
        switch (JsonValues.Text(d, "et"u8))
        {
            case "CREATE" when p is { } created:
                events.Add(Remember(new PositionChanged(Venue, JsonValues.Text(created, "id"u8), JsonValues.Text(created, "cn"u8), Side(JsonValues.Text(created, "s"u8)),
                    JsonValues.Decimal(created, "pv"u8), JsonValues.Decimal(created, "op"u8), JsonValues.Decimal(created, "l"u8), JsonValues.DecimalOr(created, "hm"u8, 0m))));
                break;
            case "UPDATE" when p is { } updated && _positions.TryGetValue(JsonValues.Text(updated, "id"u8), out var known):
                events.Add(Remember(known with
                {
                    Quantity = JsonValues.DecimalOr(updated, "pv"u8, known.Quantity),
                    EntryPrice = JsonValues.DecimalOr(updated, "op"u8, known.EntryPrice),
                    Leverage = JsonValues.DecimalOr(updated, "l"u8, known.Leverage),
                    Margin = JsonValues.DecimalOr(updated, "hm"u8, known.Margin),
                    Side = updated.TryGetProperty("s"u8, out _) ? Side(JsonValues.Text(updated, "s"u8)) : known.Side,
                }));
                break;
            case "UPDATE" when p is { } patch:
                events.Add(new PositionPatched(Venue, JsonValues.Text(patch, "id"u8),
                    patch.TryGetProperty("s"u8, out _) ? Side(JsonValues.Text(patch, "s"u8)) : null,
                    Optional(patch, "pv"u8), Optional(patch, "op"u8), Optional(patch, "l"u8), Optional(patch, "hm"u8)));
                break;
            case "DELETE" when p is { } deleted:
                var id = JsonValues.Text(deleted, "id"u8);
                _positions.Remove(id, out var closed);
                events.Add(new PositionClosed(Venue, id, closed?.Instrument ?? ""));
                break;
            case "CREATE" or "UPDATE" or "DELETE" or "DEFAULT":
                break;
            case var other:
                throw new FormatException($"unknown ACCOUNT_UPDATE event type '{other}'");
        }
        return DecodeResult.Of(events);
    }

    private static decimal? Optional(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out _) ? JsonValues.Decimal(element, name) : null;

    private DecodeResult AdlPrice(JsonElement list)
    {
        var events = new List<VenueEvent>();
        foreach (var item in list.EnumerateArray())
        {
            var id = JsonValues.Text(item, "id"u8);
            var instrument = _positions.TryGetValue(id, out var known) ? known.Instrument : "";
            events.Add(new AdlRankChanged(Venue, id, instrument, (int)JsonValues.Decimal(item, "al"u8)));
            if (instrument.Length > 0 && item.TryGetProperty("tp"u8, out _))
            {
                events.Add(new MarkPriceChanged(Venue, instrument, JsonValues.Decimal(item, "tp"u8)));
            }
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
            JsonValues.Decimal(order, "price"u8), volume, dealt, status);
    }

    private static TriggerOrderChanged TriggerOrder(JsonElement trigger) =>
        new(Venue, JsonValues.Text(trigger, "triggerOrderId"u8), JsonValues.TextOrNull(trigger, "contractName"u8) ?? "", Side(JsonValues.Text(trigger, "side"u8)),
            JsonValues.Decimal(trigger, "triggerPrice"u8), JsonValues.Decimal(trigger, "volume"u8),
            JsonValues.Text(trigger, "orderAction"u8) switch
            {
                "1" => OrderStatus.New,
                "2" => OrderStatus.Cancelled,
                var other => throw new FormatException($"unknown orderAction '{other}'"),
            });

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
