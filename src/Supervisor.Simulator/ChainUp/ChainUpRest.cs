using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Supervisor.Simulator.Model;
using Supervisor.Simulator.Rest;

namespace Supervisor.Simulator.ChainUp;

/// <summary>
/// ChainUP-cloud's REST snapshot endpoints (chainup.md §4): headers <c>X-CH-APIKEY</c>, <c>X-CH-TS</c>,
/// <c>X-CH-SIGN</c> (hex HMAC-SHA256, case-insensitive); errors <c>{"code":-1022,"msg":…}</c> with HTTP 400/401, rate
/// limits HTTP 429. Order ids are JSON numbers here (strings in the pushes), as the venue documents.
/// </summary>
internal sealed class ChainUpRest(RestGate gate)
{
    public Task Account(HttpContext context) => Answer(context, truth =>
    {
        var contracts = truth.Positions.GroupBy(p => p.Instrument).Select(g => $$"""
            {"contractId":{{Instrument.Of(g.Key).ContractId}},"contractName":"{{ChainUpFrames.Contract(g.Key)}}","contractSymbol":"{{g.Key}}-USDT","positions":[{{string.Join(",", g.Select(p => $$"""
                {"id":{{p.Id}},"uid":2001,"positionType":{{ChainUpFrames.MarginType(p.MarginMode)}},"side":"{{(p.Long ? "BUY" : "SELL")}}","volume":{{N(p.Quantity)}},"openPrice":{{N(p.EntryPrice)}},"avgPrice":{{N(p.EntryPrice)}},"leverageLevel":{{N(p.Leverage)}},"holdAmount":{{N(p.Margin)}},"closeVolume":0,"realizedAmount":{{N(p.RealizedPnl)}},"tradeFee":{{N(p.Fee)}},"marginRate":{{N(p.MarginRate)}},"reducePrice":{{N(p.LiquidationPrice)}},"status":1,"freezeLock":0,"ctime":{{p.OpenedAt.ToUnixTimeMilliseconds()}},"mtime":{{p.UpdatedAt.ToUnixTimeMilliseconds()}},"brokerId":1003}
                """.Trim()))}}]}
            """.Trim());
        return $$"""
            {"account":[{"marginCoin":"USDT","accountNormal":{{N(truth.Available)}},"accountLock":{{N(truth.Frozen)}},"partPositionNormal":{{N(truth.Margin)}},"totalPositionNormal":0,"achievedAmount":0,"unrealizedAmount":0,"totalEquity":{{N(truth.Available + truth.Frozen + truth.Margin)}},"positionVos":[{{string.Join(",", contracts)}}]}]}
            """;
    });

    public Task OpenOrders(HttpContext context) => Answer(context, truth => "[" + string.Join(",", truth.OpenOrders.Select(o => $$"""
        {"orderId":{{o.Id}},"contractName":"{{ChainUpFrames.Contract(o.Instrument)}}","side":"{{(o.Long ? "BUY" : "SELL")}}","price":{{N(o.Price)}},"origQty":{{N(o.Quantity)}},"executedQty":{{N(o.Filled)}},"avgPrice":{{N(o.AveragePrice)}},"tradeFee":{{N(o.Fee)}},"status":"{{(o.Filled == 0 ? "NEW" : "PARTIALLY_FILLED")}}","type":"LIMIT","action":"OPEN"}
        """.Trim())) + "]");

    private Task Answer(HttpContext context, Func<AccountTruth, string> data)
    {
        var check = gate.Check(context, "X-CH-APIKEY", "X-CH-TS", "X-CH-SIGN", Convert.ToHexStringLower);
        var (status, body) = check.Verdict switch
        {
            RestVerdict.Ok when !check.Account!.Account.IsChainUp => (401, """{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}"""),
            RestVerdict.Ok => (200, data(check.Account!.Truth()).Trim()),
            RestVerdict.MissingTimestamp => (400, """{"code":-1023,"msg":"Missing X-CH-TS"}"""),
            RestVerdict.MissingSignature => (400, """{"code":-1024,"msg":"Missing X-CH-SIGN"}"""),
            RestVerdict.BadTimestamp => (400, """{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}"""),
            RestVerdict.BadSignature => (400, """{"code":-1022,"msg":"Signature for this request is not valid."}"""),
            RestVerdict.RateLimited => (429, """{"code":-1003,"msg":"Too many requests."}"""),
            _ => (401, """{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}"""),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
