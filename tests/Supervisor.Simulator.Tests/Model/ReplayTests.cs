using System.Globalization;
using System.Text.Json;

namespace Supervisor.Simulator.Tests.Model;

public sealed class ReplayTests
{
    private static decimal Dec(JsonElement e)
        => e.ValueKind == JsonValueKind.String ? decimal.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetDecimal();

    [Fact]
    public async Task Applying_CoinW_pushes_reproduces_the_ground_truth()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.CoinWLoggedInAsync(host, "order", "position", "assets");
        await host.AdvanceAsync(300);
        await s.SendAsync("{\"event\":\"ping\"}");
        var orders = new Dictionary<string, (int Total, int Current, decimal Price)>();
        var triggers = new HashSet<string>();
        var positions = new Dictionary<string, (int Pieces, decimal Open, decimal Margin)>();
        decimal available = 10_000m, frozen = 0m;
        while (await s.ReceiveAsync() is { } text)
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.TryGetProperty("event", out _)) break;
            var type = root.GetProperty("type").GetString();
            foreach (var r in root.GetProperty("data").EnumerateArray())
            {
                var id = type == "assets" ? "" : r.GetProperty("id").GetString()!;
                var open = type != "assets" && r.GetProperty("status").GetString() == "open";
                if (type == "order" && r.GetProperty("posType").GetString() == "planTrigger")
                { if (open) triggers.Add(id); else triggers.Remove(id); }
                else if (type == "order")
                {
                    if (open) orders[id] = (int.Parse(r.GetProperty("totalPiece").GetString()!), int.Parse(r.GetProperty("currentPiece").GetString()!), Dec(r.GetProperty("orderPrice")));
                    else orders.Remove(id);
                }
                else if (type == "position")
                {
                    if (open) positions[id] = (int.Parse(r.GetProperty("currentPiece").GetString()!), Dec(r.GetProperty("openPrice")), Dec(r.GetProperty("margin")));
                    else positions.Remove(id);
                }
                else { available = Dec(r.GetProperty("available")); frozen = Dec(r.GetProperty("freeze")); }
            }
        }
        var truth = host.Truth("cw");
        Assert.True(truth.Step == 300);
        Assert.Equal(truth.Available, available);
        Assert.Equal(truth.Frozen, frozen);
        Assert.Equal(truth.Orders.Keys.Select(x => x.ToString()).Order(), orders.Keys.Order());
        foreach (var o in truth.Orders.Values) Assert.Equal((o.Pieces, o.Pieces - o.FilledPieces, o.Price), orders[o.Id.ToString()]);
        Assert.Equal(truth.TriggerOrders.Keys.Select(x => x.ToString()).Order(), triggers.Order());
        Assert.Equal(truth.Positions.Keys.Select(x => x.ToString()).Order(), positions.Keys.Order());
        foreach (var p in truth.Positions.Values) Assert.Equal((p.Pieces, p.OpenPrice, p.Margin), positions[p.Id.ToString()]);
    }

    [Fact]
    public async Task Applying_ChainUp_pushes_reproduces_the_ground_truth()
    {
        await using var host = await SimFixture.StartAsync(new SimulatorOptions { AdlInterval = TimeSpan.FromHours(1) });
        await using var s = await SimFixture.ChainUpSubscribedAsync(host);
        await host.AdvanceAsync(300);
        await s.SendAsync("{\"ping\":1}");
        var orders = new Dictionary<string, (int Volume, int Deal)>();
        var triggers = new HashSet<string>();
        var positions = new Dictionary<long, (int Pieces, decimal Open, decimal Margin)>();
        decimal available = 10_000m, frozen = 0m;
        while (await s.ReceiveAsync() is { } text)
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.TryGetProperty("pong", out _)) break;
            switch (root.GetProperty("channel").GetString())
            {
                case "order":
                    var o = root.GetProperty("order");
                    var oid = o.GetProperty("orderId").GetString()!;
                    var vol = o.GetProperty("volume").GetInt32();
                    var deal = o.GetProperty("dealVolume").GetInt32();
                    if (o.GetProperty("orderAction").GetString() == "2" || deal == vol) orders.Remove(oid); else orders[oid] = (vol, deal);
                    break;
                case "trigOrder":
                    var t = root.GetProperty("trigOrder");
                    if (t.GetProperty("orderAction").GetString() == "1") triggers.Add(t.GetProperty("triggerOrderId").GetString()!);
                    else triggers.Remove(t.GetProperty("triggerOrderId").GetString()!);
                    break;
                case "ACCOUNT_UPDATE":
                    var d = root.GetProperty("d");
                    var a = d.GetProperty("a")[0];
                    available = Dec(a.GetProperty("an"));
                    frozen = Dec(a.GetProperty("la"));
                    var p = d.GetProperty("p");
                    switch (d.GetProperty("et").GetString())
                    {
                        case "CREATE": positions[p.GetProperty("id").GetInt64()] = (p.GetProperty("pv").GetInt32(), p.GetProperty("op").GetDecimal(), p.GetProperty("hm").GetDecimal()); break;
                        case "UPDATE": positions[p.GetProperty("id").GetInt64()] = (p.GetProperty("pv").GetInt32(), p.GetProperty("op").GetDecimal(), p.GetProperty("hm").GetDecimal()); break;
                        case "DELETE": positions.Remove(p.GetProperty("id").GetInt64()); break;
                    }
                    break;
            }
        }
        var truth = host.Truth("cu");
        Assert.Equal(truth.Available, available);
        Assert.Equal(truth.Frozen, frozen);
        Assert.Equal(truth.Orders.Keys.Select(x => x.ToString()).Order(), orders.Keys.Order());
        foreach (var o in truth.Orders.Values) Assert.Equal((o.Pieces, o.FilledPieces), orders[o.Id.ToString()]);
        Assert.Equal(truth.TriggerOrders.Keys.Select(x => x.ToString()).Order(), triggers.Order());
        Assert.Equal(truth.Positions.Keys.Order(), positions.Keys.Order());
        foreach (var p in truth.Positions.Values) Assert.Equal((p.Pieces, p.OpenPrice, p.Margin), positions[p.Id]);
    }

    [Fact]
    public async Task Same_seed_gives_the_same_sequence()
    {
        await using var a = await SimFixture.StartAsync(new SimulatorOptions { Seed = 42 });
        await using var b = await SimFixture.StartAsync(new SimulatorOptions { Seed = 42 });
        await using var c = await SimFixture.StartAsync(new SimulatorOptions { Seed = 43 });
        var ka = new List<string>(); var kb = new List<string>(); var kc = new List<string>();
        for (int i = 0; i < 100; i++)
        {
            ka.AddRange(a.Step().Select(x => x.Kind + ":" + x.After.Available));
            kb.AddRange(b.Step().Select(x => x.Kind + ":" + x.After.Available));
            kc.AddRange(c.Step().Select(x => x.Kind + ":" + x.After.Available));
        }
        Assert.Equal(ka, kb);
        Assert.NotEqual(ka, kc);
        Assert.Equal(AccountGenerator.Generate(4, 9), AccountGenerator.Generate(4, 9));
    }
}
