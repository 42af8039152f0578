using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Supervisor.Simulator.Model;
using static Supervisor.Simulator.Tests.RawJson;

namespace Supervisor.Simulator.Tests;

/// <summary>
/// Every field CoinW's private pushes and REST snapshots carry, read as raw JSON off the simulator's socket and
/// endpoints and compared with the ground truth (coinw.md §6.2, §9.2). Numbers are JSON strings in order, position
/// and position_change, JSON numbers in assets.
/// </summary>
public sealed class CoinWFieldTests
{
    private const int Steps = 200;
    private static readonly TimeSpan PerStep = TimeSpan.FromMilliseconds(7);

    [Fact]
    public async Task Order_pushes_carry_the_truth_s_fees_margins_leverage_and_times()
    {
        var (run, host, _) = await RunAsync();
        await using var disposeHost = host;
        var open = 0;
        var ended = 0;
        foreach (var step in run)
        {
            foreach (var item in Items(step, "order").Where(i => Text(i, "posType") != "planTrigger"))
            {
                var id = Text(item, "id");
                Assert.Equal(step.After.UserId, Quoted(item, "userId"));
                Assert.Equal((10m, 0m, 0.0002m, 0.0006m), (Quoted(item, "leverage"), Number(item, "positionModel"), Quoted(item, "makerFee"), Quoted(item, "takerFee")));
                Assert.Equal(("manual", "api", 1m), (Text(item, "liquidateBy"), Text(item, "source"), Number(item, "quantityUnit")));
                var order = step.After.OpenOrders.SingleOrDefault(o => o.Id == id) ?? step.After.RecentEndedOrders.Last(o => o.Id == id);
                var expected = order.Status switch
                {
                    TruthOrderStatus.New => ("unFinish", "open"),
                    TruthOrderStatus.PartiallyFilled => ("part", "open"),
                    TruthOrderStatus.Filled => ("finish", "close"),
                    _ => ("cancel", "close"),
                };
                Assert.Equal(expected, (Text(item, "orderStatus"), Text(item, "status")));
                if (order.Status is TruthOrderStatus.New or TruthOrderStatus.PartiallyFilled)
                {
                    open++;
                }
                else
                {
                    ended++;
                }
                Assert.Equal(order.Type == "market" ? "execute" : "plan", Text(item, "posType"));
                Assert.Equal(Text(item, "posType"), Text(item, "originalType"));
                Assert.Equal((order.Quantity, order.Quantity, order.Remaining, order.Price), (Quoted(item, "quantity"), Quoted(item, "totalPiece"), Quoted(item, "currentPiece"), Quoted(item, "orderPrice")));
                Assert.Equal(order.BaseQuantity, Quoted(item, "baseSize"));
                Assert.Equal((order.Margin, order.PositionMargin), (Quoted(item, "margin"), Quoted(item, "positionMargin")));
                Assert.Equal((order.Fee, order.FrozenFee), (Quoted(item, "fee"), Quoted(item, "frozenFee")));
                Assert.Equal((Ms(order.CreatedAt), Ms(order.UpdatedAt)), (Number(item, "createdDate"), Number(item, "updatedDate")));
            }
        }
        Assert.True(open > 20 && ended > 20, $"{open} open, {ended} ended order pushes");
    }

    [Fact]
    public async Task A_filled_order_s_push_states_the_fees_of_all_its_fills()
    {
        var (run, host, _) = await RunAsync();
        await using var disposeHost = host;
        var finished = 0;
        foreach (var step in run)
        {
            foreach (var item in Items(step, "order").Where(i => Text(i, "orderStatus") == "finish" && Text(i, "posType") == "plan"))
            {
                var id = Text(item, "id");
                var fills = step.After.RecentFills.Where(f => f.OrderId == id).ToList();
                Assert.Equal(fills.Sum(f => f.Quantity), Quoted(item, "totalPiece"));
                Assert.Equal(fills.Sum(f => f.Fee), Quoted(item, "fee"));
                Assert.Equal(0m, Quoted(item, "currentPiece"));
                finished++;
            }
        }
        Assert.True(finished > 5);
    }

    [Fact]
    public async Task Position_pushes_carry_the_truth_s_margin_fee_size_and_times()
    {
        var (run, host, _) = await RunAsync();
        await using var disposeHost = host;
        var opened = 0;
        var closed = 0;
        foreach (var step in run)
        {
            foreach (var item in Items(step, "position"))
            {
                var id = Text(item, "id");
                var status = Text(item, "status");
                var position = status == "open" ? step.After.Positions.Single(p => p.Id == id) : step.Before.Positions.Single(p => p.Id == id);
                var close = step.After.RecentFills.SingleOrDefault(f => f.PositionId == id && f.Closing);
                Assert.Equal((position.Leverage, position.EntryPrice, position.Quantity), (Quoted(item, "leverage"), Quoted(item, "openPrice"), Quoted(item, "currentPiece")));
                Assert.Equal((position.Margin, position.Margin), (Quoted(item, "margin"), Quoted(item, "positionMargin")));
                Assert.Equal((position.BaseQuantity, 0m, 0m), (Quoted(item, "baseSize"), Quoted(item, "fundingSettle"), Number(item, "positionModel")));
                Assert.Equal(Ms(position.OpenedAt), Number(item, "createdDate"));
                Assert.Equal(step.After.UserId, Quoted(item, "userId"));
                if (status == "open")
                {
                    opened++;
                    Assert.Null(close);
                    Assert.Equal((position.Fee, 0m), (Quoted(item, "fee"), Quoted(item, "closedPiece")));
                    Assert.Equal(Ms(position.UpdatedAt), Number(item, "updatedDate"));
                }
                else
                {
                    closed++;
                    Assert.Equal("close", status);
                    Assert.Equal((position.Fee + close!.Fee, position.Quantity), (Quoted(item, "fee"), Quoted(item, "closedPiece")));
                    Assert.Equal(Ms(close.At), Number(item, "updatedDate"));
                }
            }
        }
        Assert.True(opened > 20 && closed > 3, $"{opened} open, {closed} closed position pushes");
    }

    [Fact]
    public async Task Position_change_records_come_from_the_truth_s_fills_and_positions()
    {
        var (run, host, _) = await RunAsync();
        await using var disposeHost = host;
        var count = 0;
        foreach (var step in run)
        {
            foreach (var item in Items(step, "position_change"))
            {
                var fill = step.After.RecentFills.Single(f => f.Id == Text(item, "id"));
                var position = fill.Closing ? step.Before.Positions.Single(p => p.Id == fill.PositionId) : step.After.Positions.Single(p => p.Id == fill.PositionId);
                Assert.Equal((fill.OrderId, fill.PositionId), (Text(item, "orderId"), Text(item, "openId")));
                Assert.Equal((fill.RealizedPnl, fill.FeeRate, fill.Fee), (Quoted(item, "netProfit"), Quoted(item, "feeRate"), Quoted(item, "fee")));
                Assert.Equal(fill.Maker ? 2m : 1m, Number(item, "takerMaker"));
                Assert.Equal(fill.Closing ? "close" : "open", Text(item, "status"));
                Assert.Equal((position.EntryPrice, fill.Closing ? fill.Price : 0m, fill.Price), (Quoted(item, "openPrice"), Quoted(item, "closePrice"), Quoted(item, "realPrice")));
                Assert.Equal((position.Leverage, 0m, 0m), (Quoted(item, "leverage"), Number(item, "positionModel"), Quoted(item, "fundingSettle")));
                Assert.Equal(fill.Closing ? 0m : position.Quantity, Quoted(item, "currentPiece"));
                Assert.Equal(("manual", "api"), (Text(item, "liquidateBy"), Text(item, "source")));
                Assert.Equal(Ms(fill.At), Number(item, "createdDate"));
                count++;
            }
        }
        Assert.True(count > 30);
        Assert.Contains(run.SelectMany(s => s.After.RecentFills), f => f.Closing);
    }

    [Fact]
    public async Task Assets_pushes_carry_the_truth_s_balance_in_json_numbers()
    {
        var (run, host, _) = await RunAsync();
        await using var disposeHost = host;
        var count = 0;
        foreach (var step in run)
        {
            foreach (var item in Items(step, "assets"))
            {
                var t = step.After;
                Assert.Equal("usdt", Text(item, "currency"));
                Assert.Equal((t.Available, t.AvailableMargin, t.Transferable), (Number(item, "available"), Number(item, "availableMargin"), Number(item, "transferAvailable")));
                Assert.Equal((t.Margin, t.Frozen, t.CouponBalance), (Number(item, "margin"), Number(item, "freeze"), Number(item, "almightyGold")));
                Assert.Equal((0m, 0m, 0m, 7m), (Number(item, "hold"), Number(item, "profitUnreal"), Number(item, "size"), Number(item, "type")));
                Assert.Equal(t.UserId, Number(item, "userId"));
                count++;
            }
        }
        Assert.True(count > 50);
    }

    [Fact]
    public async Task REST_positions_assets_and_open_orders_carry_the_truth_s_fields()
    {
        var (_, host, clock) = await RunAsync();
        await using var disposeHost = host;
        var truth = host.Truth(Venues.CoinW.Id);
        Assert.NotEmpty(truth.Positions);
        Assert.NotEmpty(truth.OpenOrders);

        var positions = await SignedRest.GetAsync(host, Venues.CoinW, "/v1/perpum/positions/all", clock);
        Assert.Equal(truth.Positions.Count, positions.GetArrayLength());
        foreach (var item in positions.EnumerateArray())
        {
            var p = truth.Positions.Single(p => p.Id == item.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(p.LiquidationPrice, Number(item, "liquidationPrice"));
            Assert.Equal(p.PnlAt(host.MarkPrice("coinw", p.Instrument)), Number(item, "profitUnreal"));
            Assert.Equal((0m, 0m), (Number(item, "profitReal"), Number(item, "positionModel")));
            Assert.Equal((p.Margin, p.Fee), (Number(item, "positionMargin"), Number(item, "fee")));
        }

        var assets = await SignedRest.GetAsync(host, Venues.CoinW, "/v1/perpum/account/getUserAssets", clock);
        Assert.Equal((truth.AvailableMargin, truth.CouponBalance, truth.UserId), (Number(assets, "availableMargin"), Number(assets, "almightyGold"), Number(assets, "userId")));

        var orders = await SignedRest.GetAsync(host, Venues.CoinW, "/v1/perpum/order?positionType=plan", clock);
        Assert.Equal(truth.OpenOrders.Count, orders.GetArrayLength());
        foreach (var item in orders.EnumerateArray())
        {
            var o = truth.OpenOrders.Single(o => o.Id == item.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal((o.Leverage, 0m, Ms(o.CreatedAt)), (Number(item, "leverage"), Number(item, "positionModel"), Number(item, "createdDate")));
        }
    }

    /// <summary>A run of <see cref="Steps"/> steps on a manual clock; the caller disposes the host.</summary>
    private static async Task<(List<StepFrames> Run, SimulatorHost Host, FakeTimeProvider Clock)> RunAsync()
    {
        var clock = new FakeTimeProvider();
        var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await Venues.CoinWPrivateAsync(host);
        var run = await FrameRecorder.RunAsync(host, Venues.CoinW, socket, clock, Steps, PerStep);
        return (run, host, clock);
    }

    private static IEnumerable<JsonElement> Items(StepFrames step, string type) =>
        step.Frames.Where(f => f.GetProperty("type").GetString() == type).SelectMany(f => f.GetProperty("data").EnumerateArray());
}
