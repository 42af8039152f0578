using System.Globalization;
using System.Text.Json;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.CoinW;

/// <summary>CoinW frames written from the simulator's model with the field names of coinw.md (numbers as strings where CoinW sends strings).</summary>
internal static class CoinWFrames
{
    public const string LoginOk = """{"data":{"result":true},"channel":"login"}""";
    public const string LoginFailed = """{"channel":"login","data":{"result":false,"errorCode":401,"errorMsg":"invalid api key or secret"}}""";
    public const string Pong = """{"event":"pong"}""";
    public const string NotJson = """{"result":false,"errorCode":1001,"errorMsg":"Rate Limit"}""";
    public const string BadCommand = """{"result":false,"errorCode":500,"errorMsg":"exception"}""";

    /// <summary>A subscribe ack; <paramref name="pairCode"/> is echoed as sent (public channels only), <paramref name="error"/> makes it a refusal.</summary>
    public static string SubscribeAck(string type, string? pairCode, (int Code, string Message)? error = null) => Ack("subscribe", type, pairCode, error);

    /// <summary>An unsubscribe ack: the live server answers <c>"channel":"unsub"</c> (coinw.md §5.2).</summary>
    public static string UnsubscribeAck(string type, string? pairCode, (int Code, string Message)? error = null) => Ack("unsub", type, pairCode, error);

    public static (string Channel, string Frame) For(ModelChange change, DateTimeOffset now) => change switch
    {
        ModelChange.OrderUpdated o => ("order", Order(o.Order, o.Terminal)),
        ModelChange.TriggerOrderUpdated t => ("order", TriggerOrder(t.Order, t.Terminal, now)),
        ModelChange.FillRecorded f => ("position_change", Fill(f)),
        ModelChange.PositionUpdated p => ("position", Position(p.Position, "open")),
        ModelChange.PositionRemoved p => ("position", Position(p.Position, "close")),
        ModelChange.BalanceUpdated b => ("assets", Assets(b)),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    /// <summary>A mark_price push: CoinW writes this channel's pairCode and <c>n</c> in lower case (coinw.md §2.2), <c>p</c> as a number.</summary>
    public static string MarkPrice(string pairCode, decimal price, DateTimeOffset now) =>
        $$"""{"biz":"futures","pairCode":{{Q(pairCode)}},"data":{"p":{{N(price)}},"t":{{now.ToUnixTimeMilliseconds()}},"n":{{Q(pairCode)}}},"type":"mark_price"}""";

    private static string Ack(string channel, string type, string? pairCode, (int Code, string Message)? error)
    {
        var pair = pairCode is null ? "" : $",\"pairCode\":{Q(pairCode)}";
        var data = error is { } e ? $$"""{"result":false,"errorCode":{{e.Code}},"errorMsg":{{Q(e.Message)}}}""" : """{"result":true}""";
        return $$"""{"biz":"futures"{{pair}},"data":{{data}},"channel":"{{channel}}","type":{{Q(type)}}}""";
    }

    private static string Order(TruthOrder o, string? terminal)
    {
        var status = terminal ?? (o.Filled == 0 ? "unFinish" : "part");
        return $$"""{"biz":"futures","pairCode":{{Q(o.Instrument)}},"data":[{"id":{{Q(o.Id)}},"instrument":{{Q(o.Instrument)}},"direction":"{{Direction(o.Long)}}","leverage":"10","orderPrice":{{S(o.Price)}},"totalPiece":{{S(o.Quantity)}},"currentPiece":{{S(o.Quantity - o.Filled)}},"orderStatus":"{{status}}","status":"{{(terminal is null ? "open" : "close")}}","posType":"plan","originalType":"plan","contractType":1,"positionModel":0,"source":"api"}],"type":"order"}""";
    }

    /// <summary>
    /// A trigger order on the order channel: <c>posType</c>/<c>originalType</c> <c>planTrigger</c>. coinw.md lists no
    /// field for the trigger price; <c>triggerPrice</c> is our name (the one CoinW's order API takes). A fired trigger
    /// ends as <c>finish</c> (its limit order follows as a new plan order), a cancelled one as <c>cancel</c>.
    /// </summary>
    private static string TriggerOrder(TruthTriggerOrder t, string? terminal, DateTimeOffset now)
    {
        var (orderStatus, status) = terminal switch
        {
            null => ("unFinish", "open"),
            "cancel" => ("cancel", "cancel"),
            _ => ("finish", "close"),
        };
        return $$"""{"biz":"futures","pairCode":{{Q(t.Instrument)}},"data":[{"id":{{Q(t.Id)}},"instrument":{{Q(t.Instrument)}},"direction":"{{Direction(t.Long)}}","leverage":"10","orderPrice":{{S(t.Price)}},"triggerPrice":{{S(t.TriggerPrice)}},"totalPiece":{{S(t.Quantity)}},"currentPiece":{{S(t.Quantity)}},"orderStatus":"{{orderStatus}}","status":"{{status}}","posType":"planTrigger","originalType":"planTrigger","contractType":1,"positionModel":0,"source":"api","createdDate":{{t.CreatedAt.ToUnixTimeMilliseconds()}},"updatedDate":{{now.ToUnixTimeMilliseconds()}}}],"type":"order"}""";
    }

    /// <summary>A position_change record (coinw.md §6.2): <c>totalPiece</c> is the filled quantity, <c>realPrice</c> the execution price.</summary>
    private static string Fill(ModelChange.FillRecorded change)
    {
        var (f, p) = (change.Fill, change.Position);
        var closePrice = f.Closing ? f.Price : 0m;
        return $$"""{"biz":"futures","pairCode":{{Q(f.Instrument)}},"data":[{"id":{{Q(f.Id)}},"orderId":{{Q(f.OrderId)}},"openId":{{Q(f.PositionId)}},"instrument":{{Q(f.Instrument)}},"direction":"{{Direction(f.Long)}}","leverage":{{S(p.Leverage)}},"openPrice":{{S(p.EntryPrice)}},"closePrice":{{S(closePrice)}},"realPrice":{{S(f.Price)}},"orderPrice":{{S(f.Price)}},"quantity":{{S(f.Quantity)}},"quantityUnit":1,"totalPiece":{{S(f.Quantity)}},"currentPiece":{{S(f.Closing ? 0 : p.Quantity)}},"closedPiece":{{S(f.Closing ? f.Quantity : 0)}},"margin":{{S(p.Margin)}},"fee":{{S(f.Fee)}},"feeRate":"0.0006","netProfit":{{S(f.RealizedPnl)}},"fundingSettle":"0","takerMaker":{{(f.Closing ? 1 : 2)}},"orderStatus":"{{(change.OrderDone ? "finish" : "part")}}","status":"{{(f.Closing ? "close" : "open")}}","originalType":"{{(f.Closing ? "execute" : "plan")}}","positionModel":0,"contractType":1,"liquidateBy":"manual","isProfession":0,"source":"api","createdDate":{{f.At.ToUnixTimeMilliseconds()}},"updatedDate":{{f.At.ToUnixTimeMilliseconds()}}}],"type":"position_change"}""";
    }

    private static string Position(TruthPosition p, string status) =>
        $$"""{"biz":"futures","pairCode":{{Q(p.Instrument)}},"data":[{"id":{{Q(p.Id)}},"instrument":{{Q(p.Instrument)}},"direction":"{{Direction(p.Long)}}","leverage":{{S(p.Leverage)}},"openPrice":{{S(p.EntryPrice)}},"currentPiece":{{S(p.Quantity)}},"margin":{{S(p.Margin)}},"status":"{{status}}","contractType":1,"positionModel":0}],"type":"position"}""";

    private static string Assets(ModelChange.BalanceUpdated b) =>
        $$"""{"biz":"futures","pairCode":"USDT","data":[{"currency":"usdt","available":{{N(b.Available)}},"availableMargin":{{N(b.Available)}},"freeze":{{N(b.Frozen)}},"hold":0,"margin":{{N(b.Margin)}},"type":7}],"type":"assets"}""";

    private static string Direction(bool isLong) => isLong ? "long" : "short";

    private static string Q(string text) => JsonSerializer.Serialize(text);

    private static string S(decimal value) => Q(N(value));

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
