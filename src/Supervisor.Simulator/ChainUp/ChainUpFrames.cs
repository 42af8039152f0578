using System.Globalization;
using System.IO.Compression;
using System.Text;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.ChainUp;

/// <summary>ChainUP frames written from the simulator's model with the field names of chainup.md; pushes are gzip.</summary>
internal static class ChainUpFrames
{
    /// <summary>The frame for one change, or null when ChainUP has no push for it (fills: no fill channel).</summary>
    public static string? For(ModelChange change, AccountTruth truth, DateTimeOffset now) => change switch
    {
        ModelChange.OrderUpdated o => Order(o.Order, o.Terminal),
        ModelChange.TriggerOrderUpdated t => TriggerOrder(t.Order, t.Terminal),
        ModelChange.PositionUpdated { Created: true } p => Account("CREATE", truth, now, $$"""{"id":{{p.Position.Id}},"cn":"{{Contract(p.Position.Instrument)}}","pt":2,"l":{{N(p.Position.Leverage)}},"pv":{{N(p.Position.Quantity)}},"op":{{N(p.Position.EntryPrice)}},"hm":{{N(p.Position.Margin)}},"s":"{{(p.Position.Long ? "BUY" : "SELL")}}"}"""),
        ModelChange.PositionUpdated p => Account("UPDATE", truth, now, $$"""{"id":{{p.Position.Id}},"pv":{{N(p.Position.Quantity)}},"op":{{N(p.Position.EntryPrice)}},"hm":{{N(p.Position.Margin)}}}"""),
        ModelChange.PositionRemoved p => Account("DELETE", truth, now, $$"""{"id":{{p.Position.Id}}}"""),
        ModelChange.BalanceUpdated => Account("DEFAULT", truth, now, "{}"),
        _ => null,
    };

    public static string Contract(string instrument) => $"E-{instrument}-USDT";

    public static string Adl(AccountTruth truth, MarkPriceFeed marks)
    {
        var items = string.Join(",", truth.Positions.Select((p, i) => $$"""{"id":{{p.Id}},"al":{{1 + (i % 5)}},"tp":{{N(marks.Current(p.Instrument))}}}"""));
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

    private static string Order(TruthOrder o, string? terminal)
    {
        var action = terminal == "cancel" ? "2" : o.Filled == 0 ? "1" : "3";
        return $$$"""{"channel":"order","order":{"orderId":"{{{o.Id}}}","contractId":1,"contractName":"{{{Contract(o.Instrument)}}}","symbol":"{{{o.Instrument}}}-USDT","contractSide":1,"type":1,"price":{{{N(o.Price)}}},"volume":{{{N(o.Quantity)}}},"dealVolume":{{{N(o.Filled)}}},"avgPrice":{{{N(o.Price)}}},"tradeFee":0,"realizedAmount":0,"orderAction":"{{{action}}}"}}""";
    }

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
