using System.Globalization;
using System.IO.Compression;
using System.Text;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.ChainUp;

/// <summary>ChainUP frames written from the simulator's model with the field names of chainup.md; pushes are gzip.</summary>
internal static class ChainUpFrames
{
    public static string? For(ModelChange change, AccountTruth truth) => change switch
    {
        ModelChange.OrderUpdated o => Order(o.Order, o.Terminal),
        ModelChange.PositionUpdated { Created: true } p => Account("CREATE", truth, $$"""{"id":{{p.Position.Id}},"cn":"{{Contract(p.Position.Instrument)}}","pt":2,"l":{{N(p.Position.Leverage)}},"pv":{{N(p.Position.Quantity)}},"op":{{N(p.Position.EntryPrice)}},"hm":{{N(p.Position.Margin)}},"s":"{{(p.Position.Long ? "BUY" : "SELL")}}"}"""),
        ModelChange.PositionUpdated p => Account("UPDATE", truth, $$"""{"id":{{p.Position.Id}},"pv":{{N(p.Position.Quantity)}},"op":{{N(p.Position.EntryPrice)}},"hm":{{N(p.Position.Margin)}}}"""),
        ModelChange.PositionRemoved p => Account("DELETE", truth, $$"""{"id":{{p.Position.Id}}}"""),
        ModelChange.BalanceUpdated => Account("DEFAULT", truth, "{}"),
        _ => null,
    };

    public static string Contract(string instrument) => $"E-{instrument}-USDT";

    public static string Adl(AccountTruth truth, Func<string, decimal> mark)
    {
        var items = string.Join(",", truth.Positions.Select((p, i) => $$"""{"id":{{p.Id}},"al":{{1 + (i % 5)}},"tp":{{N(mark(p.Instrument))}}}"""));
        return $$"""{"channel":"ADL_PRICE","uid":2001,"l":[{{items}}]}""";
    }

    public static byte[] Gzip(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        return output.ToArray();
    }

    private static string Account(string et, AccountTruth truth, string position) =>
        $$$"""{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"0","d":{"et":"{{{et}}}","a":[{"c":"USDT","an":"{{{N(truth.Available)}}}","la":"{{{N(truth.Frozen)}}}","pn":"{{{N(truth.Margin)}}}"}],"p":{{{position}}}}}""";

    private static string Order(TruthOrder o, string? terminal)
    {
        var action = terminal == "cancel" ? "2" : o.Filled == 0 ? "1" : "3";
        return $$$"""{"channel":"order","order":{"orderId":"{{{o.Id}}}","contractId":1,"contractName":"{{{Contract(o.Instrument)}}}","symbol":"{{{o.Instrument}}}-USDT","contractSide":1,"type":1,"price":{{{N(o.Price)}}},"volume":{{{N(o.Quantity)}}},"dealVolume":{{{N(o.Filled)}}},"avgPrice":{{{N(o.Price)}}},"tradeFee":0,"realizedAmount":0,"orderAction":"{{{action}}}"}}""";
    }

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
