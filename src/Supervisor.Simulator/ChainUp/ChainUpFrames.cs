using System.Globalization;
using System.Text.Json.Nodes;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.ChainUp;

/// <summary>
/// ChainUP push bodies written from chainup.md §2.6 field names (before gzip). Choices: <c>a[].an</c> is
/// available balance, <c>la</c> is balance frozen by orders, <c>pn</c> the sum of position margins.
/// </summary>
internal static class ChainUpFrames
{
    public static string ContractName(string instrument) => "E-" + instrument + "-USDT";

    public static int ContractId(string instrument) => instrument == "BTC" ? 1 : 2;

    public static IEnumerable<string> ForChange(SimChange c, long uid, long nowMs)
    {
        switch (c.Kind)
        {
            case SimChangeKind.OrderPlaced:
                yield return Order(c.Order!, "1");
                yield return Account(c.After, uid, nowMs, "DEFAULT", new JsonObject());
                break;
            case SimChangeKind.OrderPartFilled or SimChangeKind.OrderFilled:
                yield return Order(c.Order!, "3");
                break;
            case SimChangeKind.OrderCancelled:
                yield return Order(c.Order!, "2");
                yield return Account(c.After, uid, nowMs, "DEFAULT", new JsonObject());
                break;
            case SimChangeKind.PositionOpened:
                yield return Account(c.After, uid, nowMs, "CREATE", FullPosition(c.Position!));
                break;
            case SimChangeKind.PositionChanged:
                var p = c.Position!;
                yield return Account(c.After, uid, nowMs, "UPDATE", new JsonObject
                {
                    ["id"] = p.Id, ["pv"] = p.Pieces, ["op"] = p.OpenPrice, ["hm"] = p.Margin, ["oa"] = p.Margin, ["ccv"] = p.Pieces,
                });
                break;
            case SimChangeKind.PositionClosed:
                yield return Account(c.After, uid, nowMs, "DELETE", new JsonObject { ["id"] = c.Position!.Id });
                break;
            case SimChangeKind.TriggerPlaced or SimChangeKind.TriggerCancelled:
                var t = c.Trigger!;
                yield return new JsonObject
                {
                    ["channel"] = "trigOrder",
                    ["trigOrder"] = new JsonObject
                    {
                        ["triggerOrderId"] = t.Id.ToString(CultureInfo.InvariantCulture), ["type"] = 2, ["side"] = t.Long ? "buy" : "sell",
                        ["triggerPrice"] = t.TriggerPrice, ["price"] = 0, ["volume"] = t.Pieces, ["triggerType"] = t.Long ? 3 : 4,
                        ["ctime"] = nowMs, ["expireTime"] = nowMs + 14L * 86_400_000,
                        ["orderAction"] = c.Kind == SimChangeKind.TriggerPlaced ? "1" : "2",
                        ["contractName"] = ContractName(t.Instrument),
                    },
                }.ToJsonString();
                break;
        }
    }

    public static string Adl(AccountSnapshot t, long uid, Func<string, decimal> mark)
    {
        var list = new JsonArray();
        foreach (var p in t.Positions.Values)
        {
            var m = mark(p.Instrument);
            list.Add(new JsonObject
            {
                ["id"] = p.Id, ["al"] = 1 + (int)(p.Id % 5), ["rp"] = p.Long ? Math.Round(p.OpenPrice / 2, 1) : p.OpenPrice * 2,
                ["ha"] = p.Margin, ["mr"] = 1m, ["bo"] = m - 0.1m, ["so"] = m + 0.1m, ["lt"] = m, ["tp"] = m,
            });
        }
        return new JsonObject { ["channel"] = "ADL_PRICE", ["uid"] = uid, ["l"] = list }.ToJsonString();
    }

    public static string SystemClose(long uid) => new JsonObject { ["channel"] = "SYSTEM", ["uid"] = uid, ["et"] = "close" }.ToJsonString();

    private static string Order(SimOrder o, string action) => new JsonObject
    {
        ["channel"] = "order",
        ["order"] = new JsonObject
        {
            ["orderId"] = o.Id.ToString(CultureInfo.InvariantCulture), ["contractId"] = ContractId(o.Instrument),
            ["contractName"] = ContractName(o.Instrument), ["symbol"] = o.Instrument + "-USDT", ["contractSide"] = 1, ["type"] = 1,
            ["price"] = o.Price, ["pricePrecision"] = 1, ["dealVolume"] = o.FilledPieces, ["volume"] = o.Pieces,
            ["avgPrice"] = o.FilledPieces > 0 ? o.Price : 0, ["tradeFee"] = 0, ["realizedAmount"] = 0, ["orderAction"] = action,
        },
    }.ToJsonString();

    private static JsonObject FullPosition(SimPosition p) => new()
    {
        ["id"] = p.Id, ["cid"] = ContractId(p.Instrument), ["pt"] = 2, ["cn"] = ContractName(p.Instrument), ["con"] = p.Instrument + "USDT",
        ["l"] = 1, ["pv"] = p.Pieces, ["op"] = p.OpenPrice, ["rp"] = 0, ["hm"] = p.Margin, ["ra"] = 0, ["s"] = p.Long ? "BUY" : "SELL",
        ["mr"] = 1, ["oa"] = p.Margin, ["ccv"] = p.Pieces,
    };

    private static string Account(AccountSnapshot t, long uid, long nowMs, string et, JsonObject p)
    {
        decimal margin = 0;
        foreach (var pos in t.Positions.Values) margin += pos.Margin;
        var a = new JsonObject
        {
            ["c"] = "USDT", ["an"] = t.Available.ToString(CultureInfo.InvariantCulture),
            ["la"] = t.Frozen.ToString(CultureInfo.InvariantCulture), ["pn"] = margin.ToString(CultureInfo.InvariantCulture),
        };
        return new JsonObject
        {
            ["channel"] = "ACCOUNT_UPDATE", ["uid"] = uid, ["t"] = nowMs.ToString(CultureInfo.InvariantCulture),
            ["d"] = new JsonObject { ["et"] = et, ["a"] = new JsonArray(a), ["p"] = p },
        }.ToJsonString();
    }
}
