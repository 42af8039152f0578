using System.Text.Json.Nodes;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.CoinW;

/// <summary>
/// CoinW frames written from coinw.md field names. Order/position values are JSON strings and asset
/// values JSON numbers, as on the wire (§6.2). Choice: order <c>currentPiece</c> is the unfilled remainder.
/// </summary>
internal static class CoinWFrames
{
    public static string LoginOk() => "{\"data\":{\"result\":true},\"channel\":\"login\"}";

    public static string LoginFailed()
        => "{\"channel\":\"login\",\"data\":{\"result\":false,\"errorCode\":6000,\"errorMsg\":\"Authentication failed\"}}";

    public static string BareError(int code, string msg)
        => new JsonObject { ["result"] = false, ["errorCode"] = code, ["errorMsg"] = msg }.ToJsonString();

    public static string Ack(string channel, string type, string? pairCode, bool ok, int code, string? msg)
    {
        var data = new JsonObject { ["result"] = ok };
        if (!ok) { data["errorCode"] = code; data["errorMsg"] = msg; }
        var o = new JsonObject { ["biz"] = "futures" };
        if (pairCode is not null) o["pairCode"] = pairCode;
        o["data"] = data;
        o["channel"] = channel;
        o["type"] = type;
        return o.ToJsonString();
    }

    public static string MarkPrice(string pairCode, decimal price)
        => new JsonObject
        {
            ["biz"] = "futures", ["pairCode"] = pairCode, ["type"] = "mark_price",
            ["data"] = new JsonObject { ["currencyCode"] = pairCode, ["price"] = price.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }.ToJsonString();

    public static IEnumerable<(string Type, string Frame)> ForChange(SimChange c, long userId)
    {
        switch (c.Kind)
        {
            case SimChangeKind.OrderPlaced:
                yield return ("order", Push("order", c.Order!.Instrument, Order(c.Order, "unFinish", "open", userId)));
                break;
            case SimChangeKind.OrderPartFilled:
                yield return ("order", Push("order", c.Order!.Instrument, Order(c.Order, "part", "open", userId)));
                break;
            case SimChangeKind.OrderFilled:
                yield return ("order", Push("order", c.Order!.Instrument, Order(c.Order, "finish", "close", userId)));
                break;
            case SimChangeKind.OrderCancelled:
                yield return ("order", Push("order", c.Order!.Instrument, Order(c.Order, "cancel", "cancel", userId)));
                break;
            case SimChangeKind.TriggerPlaced or SimChangeKind.TriggerCancelled:
                yield return ("order", Push("order", c.Trigger!.Instrument, Trigger(c.Trigger, c.Kind == SimChangeKind.TriggerPlaced, userId)));
                yield break;
            case SimChangeKind.PositionOpened or SimChangeKind.PositionChanged:
                yield return ("position", Push("position", c.Position!.Instrument, Position(c.Position, "open", userId)));
                yield return ("position_change", Push("position_change", c.Position.Instrument, Position(c.Position, "open", userId)));
                break;
            case SimChangeKind.PositionClosed:
                yield return ("position", Push("position", c.Position!.Instrument, Position(c.Position, "close", userId)));
                break;
        }
        yield return ("assets", Push("assets", "USDT", Assets(c.After, userId)));
    }

    private static string Push(string type, string pairCode, JsonObject record)
        => new JsonObject { ["biz"] = "futures", ["pairCode"] = pairCode, ["data"] = new JsonArray(record), ["type"] = type }.ToJsonString();

    private static string S(decimal d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Order(SimOrder o, string orderStatus, string status, long userId) => new()
    {
        ["id"] = o.Id.ToString(), ["instrument"] = o.Instrument, ["direction"] = o.Long ? "long" : "short", ["leverage"] = "1",
        ["totalPiece"] = o.Pieces.ToString(), ["currentPiece"] = (o.Pieces - o.FilledPieces).ToString(),
        ["orderPrice"] = S(o.Price), ["orderStatus"] = orderStatus, ["status"] = status,
        ["posType"] = "plan", ["originalType"] = "plan", ["positionModel"] = 0, ["contractType"] = 1,
        ["quantityUnit"] = 1, ["quantity"] = o.Pieces.ToString(), ["source"] = "api", ["userId"] = userId.ToString(),
    };

    private static JsonObject Trigger(SimTriggerOrder t, bool open, long userId) => new()
    {
        ["id"] = t.Id.ToString(), ["instrument"] = t.Instrument, ["direction"] = t.Long ? "long" : "short", ["leverage"] = "1",
        ["totalPiece"] = t.Pieces.ToString(), ["currentPiece"] = t.Pieces.ToString(), ["triggerPrice"] = S(t.TriggerPrice),
        ["orderStatus"] = open ? "unFinish" : "cancel", ["status"] = open ? "open" : "cancel",
        ["posType"] = "planTrigger", ["originalType"] = "planTrigger", ["positionModel"] = 0, ["contractType"] = 1,
        ["quantityUnit"] = 1, ["quantity"] = t.Pieces.ToString(), ["source"] = "api", ["userId"] = userId.ToString(),
    };

    private static JsonObject Position(SimPosition p, string status, long userId) => new()
    {
        ["id"] = p.Id.ToString(), ["instrument"] = p.Instrument, ["direction"] = p.Long ? "long" : "short", ["leverage"] = "1",
        ["openPrice"] = S(p.OpenPrice), ["currentPiece"] = p.Pieces.ToString(), ["margin"] = S(p.Margin),
        ["positionMargin"] = S(p.Margin), ["status"] = status, ["positionModel"] = 0, ["contractType"] = 1, ["userId"] = userId.ToString(),
    };

    private static JsonObject Assets(AccountSnapshot t, long userId)
    {
        decimal margin = 0;
        foreach (var p in t.Positions.Values) margin += p.Margin;
        return new JsonObject
        {
            ["currency"] = "usdt", ["available"] = t.Available, ["availableMargin"] = t.Available, ["transferAvailable"] = t.Available,
            ["margin"] = margin, ["freeze"] = t.Frozen, ["hold"] = 0, ["profitUnreal"] = 0, ["size"] = 0, ["almightyGold"] = 0,
            ["type"] = 7, ["userId"] = userId,
        };
    }
}
