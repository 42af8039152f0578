using System.Text.Json.Nodes;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Hosting;

/// <summary>JSON form of an <see cref="AccountSnapshot"/> for <c>GET /sim/accounts/{id}/truth</c>.</summary>
internal static class TruthJson
{
    public static string Write(AccountSnapshot t)
    {
        var positions = new JsonArray();
        foreach (var p in t.Positions.Values)
            positions.Add(new JsonObject { ["id"] = p.Id, ["instrument"] = p.Instrument, ["long"] = p.Long, ["pieces"] = p.Pieces, ["openPrice"] = p.OpenPrice, ["margin"] = p.Margin });
        var orders = new JsonArray();
        foreach (var o in t.Orders.Values)
            orders.Add(new JsonObject { ["id"] = o.Id, ["instrument"] = o.Instrument, ["long"] = o.Long, ["pieces"] = o.Pieces, ["filledPieces"] = o.FilledPieces, ["price"] = o.Price });
        var triggers = new JsonArray();
        foreach (var o in t.TriggerOrders.Values)
            triggers.Add(new JsonObject { ["id"] = o.Id, ["instrument"] = o.Instrument, ["long"] = o.Long, ["pieces"] = o.Pieces, ["triggerPrice"] = o.TriggerPrice });
        return new JsonObject
        {
            ["accountId"] = t.AccountId, ["step"] = t.Step, ["available"] = t.Available, ["frozen"] = t.Frozen,
            ["positions"] = positions, ["orders"] = orders, ["triggerOrders"] = triggers,
        }.ToJsonString();
    }
}
