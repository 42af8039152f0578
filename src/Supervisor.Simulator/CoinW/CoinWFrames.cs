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

    /// <summary>The channel and frame of one change; <paramref name="userId"/> is the account's numeric CoinW user id.</summary>
    public static (string Channel, string Frame) For(ModelChange change, long userId, DateTimeOffset now) => change switch
    {
        ModelChange.OrderUpdated o => ("order", Order(o.Order, o.Terminal, userId)),
        ModelChange.TriggerOrderUpdated t => ("order", TriggerOrder(t.Order, t.Terminal, now)),
        ModelChange.FillRecorded f => ("position_change", Fill(f, userId)),
        ModelChange.PositionUpdated p => ("position", Position(p.Position, "open", userId)),
        ModelChange.PositionRemoved p => ("position", Position(p.Position, "close", userId)),
        ModelChange.BalanceUpdated b => ("assets", Assets(b, userId)),
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

    /// <summary>
    /// An order (coinw.md §6.2): <c>plan</c> for limit orders, <c>execute</c> for closes (market orders, pushed once,
    /// already <c>finish</c>); <c>currentPiece</c> is what is left, <c>margin</c> / <c>frozenFee</c> what the unfilled
    /// part holds and would cost, <c>positionMargin</c> / <c>fee</c> what the filled part built and cost.
    /// </summary>
    private static string Order(TruthOrder o, string? terminal, long userId)
    {
        var status = terminal ?? (o.Filled == 0 ? "unFinish" : "part");
        var type = o.Type == Terms.Market ? "execute" : "plan";
        return $$"""{"biz":"futures","pairCode":{{Q(o.Instrument)}},"data":[{"id":{{Q(o.Id)}},"instrument":{{Q(o.Instrument)}},"direction":"{{Direction(o.Long)}}","leverage":{{S(o.Leverage)}},"quantity":{{S(o.Quantity)}},"quantityUnit":1,"baseSize":{{S(o.BaseQuantity)}},"orderPrice":{{S(o.Price)}},"totalPiece":{{S(o.Quantity)}},"currentPiece":{{S(o.Remaining)}},"margin":{{S(o.Margin)}},"positionMargin":{{S(o.PositionMargin)}},"frozenFee":{{S(o.FrozenFee)}},"fee":{{S(o.Fee)}},"makerFee":{{S(Terms.MakerFeeRate)}},"takerFee":{{S(Terms.TakerFeeRate)}},"orderStatus":"{{status}}","status":"{{(terminal is null ? "open" : "close")}}","posType":"{{type}}","originalType":"{{type}}","contractType":1,"positionModel":{{PositionModel(o.MarginMode)}},"liquidateBy":{{Q(Terms.ClosedBy)}},"source":{{Q(Terms.Source)}},"userId":{{S(userId)}},"createdDate":{{Ms(o.CreatedAt)}},"updatedDate":{{Ms(o.UpdatedAt)}}}],"type":"order"}""";
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
    /// <summary>
    /// A position_change record (coinw.md §6.2): <c>totalPiece</c> is the filled quantity, <c>realPrice</c> the
    /// execution price, <c>openId</c> the position, <c>netProfit</c> the fill's realized PnL (gross of fees, as the
    /// truth keeps it), <c>takerMaker</c> 2 for limit fills and 1 for closes.
    /// </summary>
    private static string Fill(ModelChange.FillRecorded change, long userId)
    {
        var (f, p) = (change.Fill, change.Position);
        var closePrice = f.Closing ? f.Price : 0m;
        var at = Ms(f.At);
        return $$"""{"biz":"futures","pairCode":{{Q(f.Instrument)}},"data":[{"id":{{Q(f.Id)}},"orderId":{{Q(f.OrderId)}},"openId":{{Q(f.PositionId)}},"instrument":{{Q(f.Instrument)}},"direction":"{{Direction(f.Long)}}","leverage":{{S(p.Leverage)}},"openPrice":{{S(p.EntryPrice)}},"closePrice":{{S(closePrice)}},"realPrice":{{S(f.Price)}},"orderPrice":{{S(f.Price)}},"quantity":{{S(f.Quantity)}},"quantityUnit":1,"baseSize":{{S(f.Quantity * Terms.ContractSize)}},"totalPiece":{{S(f.Quantity)}},"currentPiece":{{S(f.Closing ? 0 : p.Quantity)}},"closedPiece":{{S(f.Closing ? f.Quantity : 0)}},"margin":{{S(p.Margin)}},"positionMargin":{{S(p.Margin)}},"fee":{{S(f.Fee)}},"feeRate":{{S(f.FeeRate)}},"netProfit":{{S(f.RealizedPnl)}},"fundingSettle":{{S(p.FundingFee)}},"takerMaker":{{(f.Maker ? 2 : 1)}},"orderStatus":"{{(change.OrderDone ? "finish" : "part")}}","status":"{{(f.Closing ? "close" : "open")}}","originalType":"{{(f.Closing ? "execute" : "plan")}}","positionModel":{{PositionModel(p.MarginMode)}},"contractType":1,"liquidateBy":{{Q(Terms.ClosedBy)}},"isProfession":0,"source":{{Q(Terms.Source)}},"userId":{{S(userId)}},"createdDate":{{at}},"updatedDate":{{at}}}],"type":"position_change"}""";
    }

    /// <summary>
    /// A position record (coinw.md §6.2). A closed position is pushed once with <c>status</c> <c>close</c>: positions
    /// close whole, so its <c>closedPiece</c> is its quantity and its <c>fee</c> includes the close's.
    /// </summary>
    private static string Position(TruthPosition p, string status, long userId)
    {
        var closed = status == "close" ? p.Quantity : 0m;
        return $$"""{"biz":"futures","pairCode":{{Q(p.Instrument)}},"data":[{"id":{{Q(p.Id)}},"instrument":{{Q(p.Instrument)}},"direction":"{{Direction(p.Long)}}","leverage":{{S(p.Leverage)}},"openPrice":{{S(p.EntryPrice)}},"quantity":{{S(p.Quantity)}},"quantityUnit":1,"baseSize":{{S(p.BaseQuantity)}},"currentPiece":{{S(p.Quantity)}},"closedPiece":{{S(closed)}},"margin":{{S(p.Margin)}},"positionMargin":{{S(p.Margin)}},"fee":{{S(p.Fee)}},"fundingSettle":{{S(p.FundingFee)}},"status":"{{status}}","contractType":1,"positionModel":{{PositionModel(p.MarginMode)}},"source":{{Q(Terms.Source)}},"userId":{{S(userId)}},"createdDate":{{Ms(p.OpenedAt)}},"updatedDate":{{Ms(p.UpdatedAt)}}}],"type":"position"}""";
    }

    /// <summary>The assets record (coinw.md §6.2), JSON numbers; nothing is held apart from freeze and nothing is valued unrealized.</summary>
    private static string Assets(ModelChange.BalanceUpdated b, long userId) =>
        $$"""{"biz":"futures","pairCode":"USDT","data":[{"currency":"usdt","available":{{N(b.Available)}},"availableMargin":{{N(b.AvailableMargin)}},"transferAvailable":{{N(b.Transferable)}},"margin":{{N(b.Margin)}},"freeze":{{N(b.Frozen)}},"hold":0,"profitUnreal":0,"size":0,"almightyGold":{{N(b.CouponBalance)}},"type":7,"userId":{{userId}}}],"type":"assets"}""";

    /// <summary>CoinW's <c>positionModel</c>: 0 isolated, 1 cross.</summary>
    public static int PositionModel(string marginMode) => marginMode == Terms.Isolated ? 0 : 1;

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static string S(long value) => Q(value.ToString(CultureInfo.InvariantCulture));

    private static string Direction(bool isLong) => isLong ? "long" : "short";

    private static string Q(string text) => JsonSerializer.Serialize(text);

    private static string S(decimal value) => Q(N(value));

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
