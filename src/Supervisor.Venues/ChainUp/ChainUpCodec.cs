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
            ? new PositionFields(JsonValues.Text(p, "id"u8), OptionalText(p, "cn"u8), OptionalText(p, "s"u8),
                Optional(p, "pv"u8), Optional(p, "op"u8), Optional(p, "l"u8), Optional(p, "hm"u8))
            : null;
        return new AccountUpdatePush(JsonValues.Text(d, "et"u8), balances, position);
    }

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
                    p.Quantity ?? throw Missing("pv"), p.EntryPrice ?? throw Missing("op"), p.Leverage ?? throw Missing("l"), p.Margin ?? 0m)));
                break;
            case "UPDATE" when p is not null && _positions.TryGetValue(p.Id, out var known):
                events.Add(Remember(known with
                {
                    Quantity = p.Quantity ?? known.Quantity,
                    EntryPrice = p.EntryPrice ?? known.EntryPrice,
                    Leverage = p.Leverage ?? known.Leverage,
                    Margin = p.Margin ?? known.Margin,
                    Side = p.Side is { } side ? Side(side) : known.Side,
                }));
                break;
            case "UPDATE" when p is not null:
                events.Add(new PositionPatched(Venue, p.Id, p.Side is { } patched ? Side(patched) : null, p.Quantity, p.EntryPrice, p.Leverage, p.Margin));
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

    private static decimal? Optional(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out _) ? JsonValues.Decimal(element, name) : null;

    private static string? OptionalText(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out _) ? JsonValues.Text(element, name) : null;

    private static List<AdlItem> ReadAdl(JsonElement list)
    {
        var items = new List<AdlItem>();
        foreach (var item in list.EnumerateArray())
        {
            items.Add(new AdlItem(JsonValues.Text(item, "id"u8), JsonValues.Decimal(item, "al"u8), Optional(item, "tp"u8)));
        }
        return items;
    }

    /// <summary>ADL ranks, and the mark of every position whose instrument this connection knows.</summary>
    internal DecodeResult AdlPrice(IReadOnlyList<AdlItem> items)
    {
        var events = new List<VenueEvent>(items.Count * 2);
        foreach (var item in items)
        {
            var instrument = _positions.TryGetValue(item.PositionId, out var known) ? known.Instrument : "";
            events.Add(new AdlRankChanged(Venue, item.PositionId, instrument, checked((int)item.Rank)));
            if (instrument.Length > 0 && item.Mark is { } mark)
            {
                events.Add(new MarkPriceChanged(Venue, instrument, mark));
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
