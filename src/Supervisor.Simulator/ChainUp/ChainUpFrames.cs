using System.Globalization;
using System.IO.Compression;
using System.Text;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.ChainUp;

/// <summary>ChainUP frames written from the simulator's model with the field names of chainup.md; pushes are gzip.</summary>
internal static class ChainUpFrames
{
    /// <summary>The docs' sample shape of an <c>otoOrder</c> with nothing set: the generator attaches no TP / SL.</summary>
    private const string NoTakeProfitStopLoss = """{"takerProfitStatus":false,"takerProfitTrigger":0,"takerProfitPrice":0,"takerProfitTriggerId":null,"stopLossStatus":false,"stopLossTrigger":0,"stopLossPrice":0,"stopLossTriggerId":null}""";

    /// <summary>The frame for one change, or null when ChainUP has no push for it (fills: no fill channel).</summary>
    public static string? For(ModelChange change, AccountTruth truth, DateTimeOffset now) => change switch
    {
        ModelChange.OrderUpdated o => Order(o.Order, o.Terminal),
        ModelChange.TriggerOrderUpdated t => TriggerOrder(t.Order, t.Terminal),
        ModelChange.PositionUpdated { Before: { } before } p => Account("UPDATE", truth, now, Changed(before, p.Position)),
        ModelChange.PositionUpdated p => Account("CREATE", truth, now, Whole(p.Position)),
        ModelChange.PositionRemoved p => Account("DELETE", truth, now, $$"""{"id":{{p.Position.Id}}}"""),
        ModelChange.BalanceUpdated => Account("DEFAULT", truth, now, "{}"),
        _ => null,
    };

    public static string Contract(string instrument) => $"E-{instrument}-USDT";

    /// <summary>
    /// The ADL_PRICE snapshot: per position its rank, liquidation price, margin and margin rate from the model, and
    /// the market from the mark feed (the simulator has no book or trades: last = mark, best bid / ask one tick either side).
    /// </summary>
    public static string Adl(AccountTruth truth, MarkPriceFeed marks)
    {
        var items = string.Join(",", truth.Positions.Select((p, i) =>
        {
            var mark = marks.Current(p.Instrument);
            var tick = Instrument.Of(p.Instrument).Tick;
            return $$"""{"id":{{p.Id}},"al":{{1 + (i % 5)}},"rp":{{N(p.LiquidationPrice)}},"ha":{{N(p.Margin)}},"mr":{{N(p.MarginRate)}},"bo":{{N(mark - tick)}},"so":{{N(mark + tick)}},"lt":{{N(mark)}},"tp":{{N(mark)}}}""";
        }));
        return $$"""{"channel":"ADL_PRICE","uid":2001,"l":[{{items}}]}""";
    }

    public static byte[] Gzip(string json, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        return output.ToArray();
    }

    private static string Account(string et, AccountTruth truth, DateTimeOffset now, string position) =>
        $$$"""{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"{{{now.ToUnixTimeMilliseconds()}}}","d":{"et":"{{{et}}}","a":[{"c":"USDT","an":"{{{N(truth.Available)}}}","la":"{{{N(truth.Frozen)}}}","pn":"{{{N(truth.Margin)}}}"}],"p":{{{position}}}}}""";

    /// <summary>
    /// ACCOUNT_UPDATE's whole position for CREATE (chainup.md §2.6.1): <c>pt</c> 2 isolated, <c>rp</c> the liquidation
    /// estimate, <c>ra</c> realized (0 while open), <c>oa</c> the opening margin (= <c>hm</c>: margin is never added
    /// or removed by hand), <c>ccv</c> the closable quantity (all of it).
    /// </summary>
    private static string Whole(TruthPosition p)
    {
        var instrument = Instrument.Of(p.Instrument);
        return $$"""{"id":{{p.Id}},"cid":{{instrument.ContractId}},"pt":{{MarginType(p.MarginMode)}},"cn":"{{instrument.ContractName}}","con":"{{instrument.ContractAlias}}","l":{{N(p.Leverage)}},"pv":{{N(p.Quantity)}},"op":{{N(p.EntryPrice)}},"rp":{{N(p.LiquidationPrice)}},"hm":{{N(p.Margin)}},"ra":{{N(p.RealizedPnl)}},"s":"{{(p.Long ? "BUY" : "SELL")}}","mr":{{N(p.MarginRate)}},"oa":{{N(p.Margin)}},"ccv":{{N(p.ClosableQuantity)}}}""";
    }

    /// <summary>An UPDATE carries the id and only the fields whose value changed (chainup.md §2.6.1).</summary>
    private static string Changed(TruthPosition before, TruthPosition after)
    {
        var fields = new List<string> { $"\"id\":{after.Id}" };
        void Add(string name, decimal was, decimal now)
        {
            if (was != now)
            {
                fields.Add($"\"{name}\":{N(now)}");
            }
        }
        Add("pv", before.Quantity, after.Quantity);
        Add("op", before.EntryPrice, after.EntryPrice);
        Add("rp", before.LiquidationPrice, after.LiquidationPrice);
        Add("hm", before.Margin, after.Margin);
        Add("ra", before.RealizedPnl, after.RealizedPnl);
        Add("mr", before.MarginRate, after.MarginRate);
        Add("oa", before.Margin, after.Margin);
        Add("ccv", before.ClosableQuantity, after.ClosableQuantity);
        return "{" + string.Join(",", fields) + "}";
    }

    /// <summary>
    /// An order push (chainup.md §2.6.4): <c>type</c> 1 limit / 2 market (closes), <c>tradeFee</c> and
    /// <c>realizedAmount</c> cumulative, an <c>otoOrder</c> that says no take-profit / stop-loss is attached. A close
    /// is pushed once with action "3" and <c>dealVolume</c> = <c>volume</c>.
    /// </summary>
    private static string Order(TruthOrder o, string? terminal)
    {
        var action = terminal == "cancel" ? "2" : o.Filled == 0 ? "1" : "3";
        var instrument = Instrument.Of(o.Instrument);
        var type = o.Type == Terms.Market ? 2 : 1;
        return $$$"""{"channel":"order","order":{"orderId":"{{{o.Id}}}","contractId":{{{instrument.ContractId}}},"contractName":"{{{instrument.ContractName}}}","symbol":"{{{o.Instrument}}}-USDT","contractSide":1,"type":{{{type}}},"price":{{{N(o.Price)}}},"pricePrecision":{{{PricePrecision(instrument)}}},"volume":{{{N(o.Quantity)}}},"dealVolume":{{{N(o.Filled)}}},"avgPrice":{{{N(o.AveragePrice)}}},"tradeFee":{{{N(o.Fee)}}},"realizedAmount":{{{N(o.RealizedPnl)}}},"otoOrder":{{{NoTakeProfitStopLoss}}},"orderAction":"{{{action}}}"}}""";
    }

    /// <summary>ChainUP's <c>pt</c>: 1 cross, 2 isolated.</summary>
    public static int MarginType(string marginMode) => marginMode == Terms.Isolated ? 2 : 1;

    /// <summary>Decimals of the contract's tick (<c>pricePrecision</c>).</summary>
    public static int PricePrecision(Instrument instrument) => instrument.Tick.Scale;

    /// <summary>
    /// The documented trigOrder fields only (no contract name: chainup.md lists none). The documented actions are
    /// "1" created and "2" cancelled; what a fired trigger pushes is unknown, so a fired one leaves with "2" (the only
    /// documented way out of the trigger list) and its limit order follows as an ordinary order push with action "1".
    /// </summary>
    private static string TriggerOrder(TruthTriggerOrder t, string? terminal)
    {
        var created = t.CreatedAt.ToUnixTimeMilliseconds();
        var expires = t.CreatedAt.AddDays(14).ToUnixTimeMilliseconds();
        // 3 fires when the price rises to the trigger (our long triggers), 4 when it falls (short ones).
        var triggerType = t.Long ? 3 : 4;
        return $$$"""{"channel":"trigOrder","trigOrder":{"triggerOrderId":"{{{t.Id}}}","type":1,"side":"{{{(t.Long ? "buy" : "sell")}}}","triggerPrice":{{{N(t.TriggerPrice)}}},"price":{{{N(t.Price)}}},"volume":{{{N(t.Quantity)}}},"triggerType":{{{triggerType}}},"ctime":{{{created}}},"expireTime":{{{expires}}},"orderAction":"{{{(terminal is null ? "1" : "2")}}}"}}""";
    }

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
