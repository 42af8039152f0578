using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Supervisor.Simulator.Model;
using static Supervisor.Simulator.Tests.RawJson;

namespace Supervisor.Simulator.Tests;

/// <summary>
/// Every field ChainUP's private pushes and REST snapshots carry (chainup.md §2.6, §4.2), read as raw JSON off the
/// simulator's socket and endpoints and compared with the ground truth.
/// </summary>
public sealed class ChainUpFieldTests
{
    private const int Steps = 200;

    // 200 steps stay under a second of the clock, so no ADL_PRICE comes between the step frames.
    private static readonly TimeSpan PerStep = TimeSpan.FromMilliseconds(3);

    private static readonly string[] UpdateFields = ["pv", "op", "rp", "hm", "mr", "oa", "ccv"];

    [Fact]
    public async Task ACCOUNT_UPDATE_CREATE_carries_every_documented_position_field_from_the_truth()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        var run = await RunAsync(host, clock);
        var created = 0;
        foreach (var (step, p) in Positions(run, "CREATE"))
        {
            var truth = step.After.Positions.Single(t => t.Id == Id(p));
            Assert.Equal(
                [.. new[] { "id", "cid", "pt", "cn", "con", "l", "pv", "op", "rp", "hm", "ra", "s", "mr", "oa", "ccv" }.Order(StringComparer.Ordinal)],
                p.EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal).ToArray());
            var instrument = Instrument.Of(truth.Instrument);
            Assert.Equal((instrument.ContractId, 2m), (Number(p, "cid"), Number(p, "pt")));
            Assert.Equal((instrument.ContractName, instrument.ContractAlias, truth.Long ? "BUY" : "SELL"), (Text(p, "cn"), Text(p, "con"), Text(p, "s")));
            Assert.Equal((truth.Leverage, truth.Quantity, truth.EntryPrice), (Number(p, "l"), Number(p, "pv"), Number(p, "op")));
            Assert.Equal((truth.LiquidationPrice, truth.Margin, truth.RealizedPnl), (Number(p, "rp"), Number(p, "hm"), Number(p, "ra")));
            Assert.Equal((truth.MarginRate, truth.Margin, truth.ClosableQuantity), (Number(p, "mr"), Number(p, "oa"), Number(p, "ccv")));
            created++;
        }
        Assert.True(created > 3);
    }

    [Fact]
    public async Task ACCOUNT_UPDATE_UPDATE_carries_the_id_and_exactly_the_fields_that_changed()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        var run = await RunAsync(host, clock);
        var updated = 0;
        foreach (var (step, p) in Positions(run, "UPDATE"))
        {
            var before = Values(step.Before.Positions.Single(t => t.Id == Id(p)));
            var after = Values(step.After.Positions.Single(t => t.Id == Id(p)));
            foreach (var name in UpdateFields)
            {
                Assert.Equal(before[name] != after[name], Has(p, name));
                if (Has(p, name))
                {
                    Assert.Equal(after[name], Number(p, name));
                }
            }
            Assert.All(p.EnumerateObject(), f => Assert.Contains(f.Name, UpdateFields.Append("id")));
            updated++;
        }
        Assert.True(updated > 10);
    }

    [Fact]
    public async Task Order_pushes_carry_the_type_average_price_fees_realized_amount_and_an_empty_oto_order()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        var run = await RunAsync(host, clock);
        var count = 0;
        foreach (var step in run)
        {
            foreach (var order in step.Frames.Where(f => f.GetProperty("channel").GetString() == "order").Select(f => f.GetProperty("order")))
            {
                var id = Text(order, "orderId");
                var truth = step.After.OpenOrders.SingleOrDefault(o => o.Id == id) ?? step.After.RecentEndedOrders.Last(o => o.Id == id);
                var instrument = Instrument.Of(truth.Instrument);
                Assert.Equal((instrument.ContractId, instrument.ContractName), ((int)Number(order, "contractId"), Text(order, "contractName")));
                Assert.Equal(truth.Type == "market" ? 2m : 1m, Number(order, "type"));
                Assert.Equal((truth.Price, truth.Quantity, truth.Filled), (Number(order, "price"), Number(order, "volume"), Number(order, "dealVolume")));
                Assert.Equal((truth.AveragePrice, truth.Fee, truth.RealizedPnl), (Number(order, "avgPrice"), Number(order, "tradeFee"), Number(order, "realizedAmount")));
                var action = truth.Status switch
                {
                    TruthOrderStatus.New => "1",
                    TruthOrderStatus.Cancelled => "2",
                    _ => "3",
                };
                Assert.Equal(action, Text(order, "orderAction"));
                var oto = order.GetProperty("otoOrder");
                Assert.Equal(
                    """{"takerProfitStatus":false,"takerProfitTrigger":0,"takerProfitPrice":0,"takerProfitTriggerId":null,"stopLossStatus":false,"stopLossTrigger":0,"stopLossPrice":0,"stopLossTriggerId":null}""",
                    oto.GetRawText());
                count++;
            }
        }
        Assert.True(count > 50);
    }

    [Fact]
    public async Task ADL_PRICE_carries_the_liquidation_price_margin_and_margin_rate_of_each_position_and_the_market_around_the_mark()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await Venues.ChainUpPrivateAsync(host);
        await Venues.StepUntilAPositionIsOpenAsync(host, Venues.ChainUp, socket);
        for (var i = 0; i < 60; i++)
        {
            for (var frames = Venues.StepAndCountFrames(host, Venues.ChainUp); frames > 0; frames--)
            {
                await socket.ReceiveAsync();
            }
        }
        clock.Advance(TimeSpan.FromSeconds(1));

        var adl = Parse(await socket.ReceiveAsync());
        Assert.Equal("ADL_PRICE", Text(adl, "channel"));
        var truth = host.Truth(Venues.ChainUp.Id);
        Assert.True(truth.Positions.Count > 1);
        Assert.Equal(truth.Positions.Select(p => p.Id), adl.GetProperty("l").EnumerateArray().Select(Id));
        foreach (var item in adl.GetProperty("l").EnumerateArray())
        {
            var p = truth.Positions.Single(t => t.Id == Id(item));
            var mark = host.MarkPrice("chainup", p.Instrument);
            var tick = Instrument.Of(p.Instrument).Tick;
            Assert.InRange(Number(item, "al"), 1m, 5m);
            Assert.Equal((p.LiquidationPrice, p.Margin, p.MarginRate), (Number(item, "rp"), Number(item, "ha"), Number(item, "mr")));
            Assert.Equal((mark - tick, mark + tick, mark, mark), (Number(item, "bo"), Number(item, "so"), Number(item, "lt"), Number(item, "tp")));
        }
    }

    [Fact]
    public async Task REST_positions_and_open_orders_carry_the_truth_s_fields()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        for (var i = 0; i < Steps; i++)
        {
            host.Step();
        }
        var truth = host.Truth(Venues.ChainUp.Id);
        Assert.NotEmpty(truth.Positions);
        Assert.NotEmpty(truth.OpenOrders);

        var account = await SignedRest.GetAsync(host, Venues.ChainUp, "/fapi/v1/account", clock);
        var positions = account.GetProperty("account")[0].GetProperty("positionVos").EnumerateArray().SelectMany(c => c.GetProperty("positions").EnumerateArray()).ToList();
        Assert.Equal(truth.Positions.Select(p => p.Id).Order(StringComparer.Ordinal), positions.Select(Id).Order(StringComparer.Ordinal));
        foreach (var item in positions)
        {
            var p = truth.Positions.Single(t => t.Id == Id(item));
            Assert.Equal((2m, p.RealizedPnl, p.LiquidationPrice), (Number(item, "positionType"), Number(item, "realizedAmount"), Number(item, "reducePrice")));
            Assert.Equal((p.Fee, p.MarginRate), (Number(item, "tradeFee"), Number(item, "marginRate")));
            Assert.Equal((Ms(p.OpenedAt), Ms(p.UpdatedAt)), (Number(item, "ctime"), Number(item, "mtime")));
        }

        var orders = await SignedRest.GetAsync(host, Venues.ChainUp, "/fapi/v1/openOrders", clock);
        Assert.Equal(truth.OpenOrders.Select(o => o.Id), orders.EnumerateArray().Select(o => Id(o, "orderId")));
        foreach (var item in orders.EnumerateArray())
        {
            var o = truth.OpenOrders.Single(t => t.Id == Id(item, "orderId"));
            Assert.Equal((o.AveragePrice, o.Fee, "LIMIT"), (Number(item, "avgPrice"), Number(item, "tradeFee"), Text(item, "type")));
        }
    }

    private static async Task<List<StepFrames>> RunAsync(SimulatorHost host, FakeTimeProvider clock)
    {
        using var socket = await Venues.ChainUpPrivateAsync(host);
        return await FrameRecorder.RunAsync(host, Venues.ChainUp, socket, clock, Steps, PerStep);
    }

    private static IEnumerable<(StepFrames Step, JsonElement P)> Positions(List<StepFrames> run, string et) =>
        from step in run
        from frame in step.Frames
        where frame.GetProperty("channel").GetString() == "ACCOUNT_UPDATE" && frame.GetProperty("d").GetProperty("et").GetString() == et
        select (step, frame.GetProperty("d").GetProperty("p"));

    private static Dictionary<string, decimal> Values(TruthPosition p) => new(StringComparer.Ordinal)
    {
        ["pv"] = p.Quantity,
        ["op"] = p.EntryPrice,
        ["rp"] = p.LiquidationPrice,
        ["hm"] = p.Margin,
        ["mr"] = p.MarginRate,
        ["oa"] = p.Margin,
        ["ccv"] = p.ClosableQuantity,
    };

    /// <summary>An id ChainUP sends as a JSON number (positions, REST orders).</summary>
    private static string Id(JsonElement element) => Id(element, "id");

    private static string Id(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        return value.GetInt64().ToString(CultureInfo.InvariantCulture);
    }
}
