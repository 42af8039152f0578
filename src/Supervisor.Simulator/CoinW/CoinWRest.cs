using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Supervisor.Simulator.Model;
using Supervisor.Simulator.Rest;

namespace Supervisor.Simulator.CoinW;

/// <summary>
/// CoinW's REST snapshot endpoints (coinw.md §9): headers <c>api_key</c>, <c>timestamp</c>, <c>sign</c> (Base64
/// HMAC-SHA256); every answer is HTTP 200 with <c>{"code":…,"msg":…,"data":…}</c>: 6000 unknown key or stale
/// timestamp, 6001 bad signature, 29001 rate limit, 402 missing parameter.
/// </summary>
internal sealed class CoinWRest(RestGate gate, TimeProvider clock, MarkPriceFeed marks)
{
    public Task Assets(HttpContext context) => Answer(context, (model, truth) => $$"""
        {"availableMargin":{{N(truth.AvailableMargin)}},"availableUsdt":{{N(truth.Available)}},"alMargin":{{N(truth.Margin)}},"alFreeze":{{N(truth.Frozen)}},"almightyGold":{{N(truth.CouponBalance)}},"userId":{{model.UserId}},"time":{{clock.GetUtcNow().ToUnixTimeMilliseconds()}}}
        """);

    /// <summary>Open positions; <c>profitUnreal</c> values each at the simulator's CoinW mark now (<see cref="TruthPosition.PnlAt"/>).</summary>
    public Task Positions(HttpContext context) => Answer(context, (_, truth) => "[" + string.Join(",", truth.Positions.Select(p => $$"""
        {"id":{{Id(p.Id)}},"instrument":{{Q(p.Instrument)}},"base":{{Q(p.Instrument.ToLowerInvariant())}},"direction":"{{(p.Long ? "long" : "short")}}","currentPiece":{{N(p.Quantity)}},"openPrice":{{N(p.EntryPrice)}},"leverage":{{N(p.Leverage)}},"margin":{{N(p.Margin)}},"positionMargin":{{N(p.Margin)}},"fee":{{N(p.Fee)}},"fundingSettle":{{N(p.FundingFee)}},"baseSize":{{N(p.BaseQuantity)}},"status":"open","liquidationPrice":{{N(p.LiquidationPrice)}},"profitUnreal":{{N(p.PnlAt(marks.Current(p.Instrument)))}},"profitReal":{{N(p.RealizedPnl)}},"positionModel":{{CoinWFrames.PositionModel(p.MarginMode)}},"createdDate":{{p.OpenedAt.ToUnixTimeMilliseconds()}},"updatedDate":{{p.UpdatedAt.ToUnixTimeMilliseconds()}}}
        """)) + "]");

    public Task OpenOrders(HttpContext context)
    {
        var type = context.Request.Query["positionType"].ToString();
        if (type.Length == 0)
        {
            return Write(context, """{"code":402,"msg":"positionType is required","data":null}""");
        }
        // positionType is the order type (coinw.md §9.2): plan lists limit orders, planTrigger the waiting trigger orders.
        return type switch
        {
            "plan" => Answer(context, (_, truth) => "[" + string.Join(",", truth.OpenOrders.Select(o => $$"""
                {"id":{{Id(o.Id)}},"instrument":{{Q(o.Instrument)}},"direction":"{{(o.Long ? "long" : "short")}}","orderPrice":{{N(o.Price)}},"totalPiece":{{N(o.Quantity)}},"currentPiece":{{N(o.Quantity - o.Filled)}},"orderStatus":"{{(o.Filled == 0 ? "unFinish" : "part")}}","positionType":"plan","leverage":{{N(o.Leverage)}},"positionModel":{{CoinWFrames.PositionModel(o.MarginMode)}},"createdDate":{{o.CreatedAt.ToUnixTimeMilliseconds()}}}
                """.Trim())) + "]"),
            "planTrigger" => Answer(context, (_, truth) => "[" + string.Join(",", truth.TriggerOrders.Select(t => $$"""
                {"id":{{Id(t.Id)}},"instrument":{{Q(t.Instrument)}},"direction":"{{(t.Long ? "long" : "short")}}","orderPrice":{{N(t.Price)}},"triggerPrice":{{N(t.TriggerPrice)}},"totalPiece":{{N(t.Quantity)}},"currentPiece":{{N(t.Quantity)}},"orderStatus":"unFinish","positionType":"planTrigger","leverage":10,"createdDate":{{t.CreatedAt.ToUnixTimeMilliseconds()}}}
                """.Trim())) + "]"),
            _ => Answer(context, (_, _) => "[]"),
        };
    }

    private Task Answer(HttpContext context, Func<AccountModel, AccountTruth, string> data)
    {
        var check = gate.Check(context, "api_key", "timestamp", "sign", Convert.ToBase64String);
        var body = check.Verdict switch
        {
            RestVerdict.Ok when check.Account!.Account.IsChainUp => """{"code":6000,"msg":"api key is not valid for futures","data":null}""",
            RestVerdict.Ok => $$"""{"code":0,"msg":"","data":{{data(check.Account!, check.Account!.Truth()).Trim()}}}""",
            RestVerdict.BadSignature => """{"code":6001,"msg":"invalid signature","data":null}""",
            RestVerdict.RateLimited => """{"code":29001,"msg":"API access frequently","data":null}""",
            RestVerdict.MissingSignature or RestVerdict.MissingTimestamp => """{"code":402,"msg":"missing header","data":null}""",
            _ => """{"code":6000,"msg":"authentication failed","data":null}""",
        };
        return Write(context, body);
    }

    private static Task Write(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    private static string Id(string id) => long.TryParse(id, out _) ? id : Q(id);

    private static string Q(string text) => JsonSerializer.Serialize(text);

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
