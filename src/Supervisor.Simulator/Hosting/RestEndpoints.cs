using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Supervisor.Simulator.ChainUp;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Hosting;

/// <summary>Signed REST snapshot endpoints of both venues (coinw.md §9, chainup.md §4).</summary>
internal static class RestEndpoints
{
    public static async Task CoinWAsync(HttpContext ctx, SimulatorState state)
    {
        var req = ctx.Request;
        var key = req.Headers["api_key"].ToString();
        var ts = req.Headers["timestamp"].ToString();
        var sign = req.Headers["sign"].ToString();
        var account = state.ByKey(SimVenue.CoinW, key);
        if (account is null) { await WriteAsync(ctx, 200, new JsonObject { ["code"] = 6000, ["msg"] = "Authentication error" }); return; }
        var body = await new StreamReader(req.Body).ReadToEndAsync(ctx.RequestAborted);
        var payload = ts + req.Method.ToUpperInvariant() + req.Path + req.QueryString.Value + body;
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(account.Config.Secret), Encoding.UTF8.GetBytes(payload)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(sign)))
        { await WriteAsync(ctx, 200, new JsonObject { ["code"] = 6001, ["msg"] = "Invalid signature" }); return; }
        if (!state.TryConsume("coinw:" + key))
        { await WriteAsync(ctx, 200, new JsonObject { ["code"] = 29001, ["msg"] = "API access frequently" }); return; }
        var t = account.Truth;
        JsonNode? data = req.Path.Value switch
        {
            "/v1/perpum/account/getUserAssets" => new JsonObject
            {
                ["availableMargin"] = t.Available, ["availableUsdt"] = t.Available, ["alMargin"] = Margin(t), ["alFreeze"] = t.Frozen,
                ["almightyGold"] = 0, ["userId"] = account.Config.UserId, ["time"] = state.Options.Time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            "/v1/perpum/positions/all" => CoinWPositions(t, account),
            "/v1/perpum/orders/open" or "/v1/perpum/order" => CoinWOrders(t, req.Query["positionType"].ToString(), req.Query["instrument"].ToString()),
            _ => null,
        };
        if (data is null) { await WriteAsync(ctx, 404, new JsonObject { ["code"] = 1, ["msg"] = "Invalid parameter" }); return; }
        await WriteAsync(ctx, 200, new JsonObject { ["code"] = 0, ["msg"] = "", ["data"] = data });
    }

    public static async Task ChainUpAsync(HttpContext ctx, SimulatorState state)
    {
        var req = ctx.Request;
        var key = req.Headers["X-CH-APIKEY"].ToString();
        var ts = req.Headers["X-CH-TS"].ToString();
        var sign = req.Headers["X-CH-SIGN"].ToString();
        if (ts.Length == 0) { await WriteAsync(ctx, 400, new JsonObject { ["code"] = -1023, ["msg"] = "Missing X-CH-TS" }); return; }
        if (sign.Length == 0) { await WriteAsync(ctx, 400, new JsonObject { ["code"] = -1024, ["msg"] = "Missing X-CH-SIGN" }); return; }
        var account = state.ByKey(SimVenue.ChainUp, key);
        var body = await new StreamReader(req.Body).ReadToEndAsync(ctx.RequestAborted);
        var payload = ts + req.Method.ToUpperInvariant() + req.Path + req.QueryString.Value + body;
        var expected = account is null ? "" : Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(account.Config.Secret), Encoding.UTF8.GetBytes(payload)));
        if (account is null || !string.Equals(expected, sign, StringComparison.OrdinalIgnoreCase))
        { await WriteAsync(ctx, 400, new JsonObject { ["code"] = -1022, ["msg"] = "Signature for this request is not valid." }); return; }
        if (!state.TryConsume("chainup:" + key))
        { await WriteAsync(ctx, 429, new JsonObject { ["code"] = -1003, ["msg"] = "Too many requests" }); return; }
        var t = account.Truth;
        JsonNode? data = req.Path.Value switch
        {
            "/fapi/v1/account" => ChainUpAccount(t, account),
            "/fapi/v1/openOrders" => ChainUpOrders(t, req.Query["contractName"].ToString()),
            _ => null,
        };
        if (data is null) { await WriteAsync(ctx, 404, new JsonObject { ["code"] = -1121, ["msg"] = "Invalid symbol." }); return; }
        await WriteAsync(ctx, 200, data);
    }

    private static decimal Margin(AccountSnapshot t) { decimal m = 0; foreach (var p in t.Positions.Values) m += p.Margin; return m; }

    private static JsonArray CoinWPositions(AccountSnapshot t, SimAccount a)
    {
        var arr = new JsonArray();
        foreach (var p in t.Positions.Values)
            arr.Add(new JsonObject
            {
                ["id"] = p.Id, ["instrument"] = p.Instrument, ["base"] = p.Instrument.ToLowerInvariant(), ["direction"] = p.Long ? "long" : "short",
                ["currentPiece"] = p.Pieces, ["openPrice"] = p.OpenPrice, ["margin"] = p.Margin, ["leverage"] = 1, ["status"] = "open",
                ["profitUnreal"] = 0, ["profitReal"] = 0, ["userId"] = a.Config.UserId,
            });
        return arr;
    }

    private static JsonObject CoinWOrders(AccountSnapshot t, string positionType, string instrument)
    {
        var rows = new JsonArray();
        if (positionType is "" or "plan")
            foreach (var o in t.Orders.Values)
                if (instrument.Length == 0 || string.Equals(instrument, o.Instrument, StringComparison.OrdinalIgnoreCase))
                    rows.Add(new JsonObject
                    {
                        ["id"] = o.Id, ["instrument"] = o.Instrument, ["direction"] = o.Long ? "long" : "short", ["totalPiece"] = o.Pieces,
                        ["currentPiece"] = o.Pieces - o.FilledPieces, ["orderPrice"] = o.Price, ["orderStatus"] = o.FilledPieces > 0 ? "part" : "unFinish",
                        ["posType"] = "plan", ["status"] = "open",
                    });
        if (positionType is "planTrigger")
            foreach (var o in t.TriggerOrders.Values)
                if (instrument.Length == 0 || string.Equals(instrument, o.Instrument, StringComparison.OrdinalIgnoreCase))
                    rows.Add(new JsonObject
                    {
                        ["id"] = o.Id, ["instrument"] = o.Instrument, ["direction"] = o.Long ? "long" : "short", ["totalPiece"] = o.Pieces,
                        ["currentPiece"] = o.Pieces, ["triggerPrice"] = o.TriggerPrice, ["orderStatus"] = "unFinish", ["posType"] = "planTrigger", ["status"] = "open",
                    });
        return new JsonObject { ["rows"] = rows, ["nextId"] = null, ["prevId"] = null, ["total"] = rows.Count };
    }

    private static JsonObject ChainUpAccount(AccountSnapshot t, SimAccount a)
    {
        var vos = new JsonArray();
        foreach (var p in t.Positions.Values)
            vos.Add(new JsonObject
            {
                ["contractId"] = ChainUpFrames.ContractId(p.Instrument), ["contractName"] = ChainUpFrames.ContractName(p.Instrument),
                ["contractSymbol"] = p.Instrument + "-USDT",
                ["positions"] = new JsonArray(new JsonObject
                {
                    ["id"] = p.Id, ["uid"] = a.Config.UserId, ["positionType"] = 2, ["side"] = p.Long ? "BUY" : "SELL", ["volume"] = p.Pieces,
                    ["openPrice"] = p.OpenPrice, ["avgPrice"] = p.OpenPrice, ["leverageLevel"] = 1, ["holdAmount"] = p.Margin, ["status"] = 1,
                }),
            });
        return new JsonObject
        {
            ["account"] = new JsonArray(new JsonObject
            {
                ["marginCoin"] = "USDT", ["accountNormal"] = t.Available, ["accountLock"] = t.Frozen, ["partPositionNormal"] = Margin(t),
                ["totalPositionNormal"] = 0, ["positionVos"] = vos,
            }),
        };
    }

    private static JsonArray ChainUpOrders(AccountSnapshot t, string contractName)
    {
        var arr = new JsonArray();
        foreach (var o in t.Orders.Values)
            if (contractName.Length == 0 || contractName == ChainUpFrames.ContractName(o.Instrument))
                arr.Add(new JsonObject
                {
                    ["orderId"] = o.Id.ToString(CultureInfo.InvariantCulture), ["contractName"] = ChainUpFrames.ContractName(o.Instrument),
                    ["side"] = o.Long ? "BUY" : "SELL", ["price"] = o.Price, ["origQty"] = o.Pieces, ["executedQty"] = o.FilledPieces,
                    ["status"] = o.FilledPieces > 0 ? "PARTIALLY_FILLED" : "NEW", ["type"] = "LIMIT",
                });
        return arr;
    }

    private static Task WriteAsync(HttpContext ctx, int status, JsonNode body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString(), ctx.RequestAborted);
    }
}
