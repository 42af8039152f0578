using Microsoft.Extensions.Time.Testing;
using Supervisor.Simulator.Model;
using static Supervisor.Simulator.Tests.RawJson;

namespace Supervisor.Simulator.Tests;

/// <summary>
/// Closing a position is a market order: both venues push it exactly once, already filled, with the close's fee and
/// PnL, and it is never among the open orders (truth, REST).
/// </summary>
public sealed class ClosingOrderTests
{
    private const int Steps = 200;

    [Fact]
    public async Task CoinW_pushes_each_close_once_as_a_finished_execute_order_never_listed_as_open()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await Venues.CoinWPrivateAsync(host);
        var run = await FrameRecorder.RunAsync(host, Venues.CoinW, socket, clock, Steps, TimeSpan.FromMilliseconds(7));
        var truth = host.Truth(Venues.CoinW.Id);
        var closes = truth.RecentFills.Where(f => f.Closing).ToList();
        var orders = run.SelectMany(s => s.Frames).Where(f => Text(f, "type") == "order").Select(f => f.GetProperty("data")[0]).ToList();
        var plan = await SignedRest.GetAsync(host, Venues.CoinW, "/v1/perpum/order?positionType=plan", clock);

        Assert.True(closes.Count > 3);
        foreach (var close in closes)
        {
            var pushed = Assert.Single(orders, o => Text(o, "id") == close.OrderId);
            Assert.Equal(("execute", "execute", "finish", "close"), (Text(pushed, "posType"), Text(pushed, "originalType"), Text(pushed, "orderStatus"), Text(pushed, "status")));
            Assert.Equal((close.Quantity, 0m, close.Price), (Quoted(pushed, "totalPiece"), Quoted(pushed, "currentPiece"), Quoted(pushed, "orderPrice")));
            Assert.Equal((close.Fee, 0m, 0m), (Quoted(pushed, "fee"), Quoted(pushed, "margin"), Quoted(pushed, "frozenFee")));
            var order = truth.RecentEndedOrders.Single(o => o.Id == close.OrderId);
            Assert.Equal(("market", true, close.RealizedPnl), (order.Type, order.Closing, order.RealizedPnl));
            Assert.DoesNotContain(run, s => s.After.OpenOrders.Any(o => o.Id == close.OrderId));
            Assert.DoesNotContain(plan.EnumerateArray(), o => o.GetProperty("id").ToString() == close.OrderId);
        }
    }

    [Fact]
    public async Task ChainUp_pushes_each_close_once_as_a_filled_market_order_with_its_fee_and_pnl_never_listed_as_open()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await Venues.ChainUpPrivateAsync(host);
        var run = await FrameRecorder.RunAsync(host, Venues.ChainUp, socket, clock, Steps, TimeSpan.FromMilliseconds(3));
        var truth = host.Truth(Venues.ChainUp.Id);
        var closes = truth.RecentFills.Where(f => f.Closing).ToList();
        var orders = run.SelectMany(s => s.Frames).Where(f => Text(f, "channel") == "order").Select(f => f.GetProperty("order")).ToList();
        var open = await SignedRest.GetAsync(host, Venues.ChainUp, "/fapi/v1/openOrders", clock);

        Assert.True(closes.Count > 3);
        Assert.NotEqual(0m, closes.Sum(c => c.RealizedPnl));
        foreach (var close in closes)
        {
            var pushed = Assert.Single(orders, o => Text(o, "orderId") == close.OrderId);
            Assert.Equal(("3", 2m), (Text(pushed, "orderAction"), Number(pushed, "type")));
            Assert.Equal((close.Quantity, close.Quantity, close.Price), (Number(pushed, "volume"), Number(pushed, "dealVolume"), Number(pushed, "avgPrice")));
            Assert.Equal((close.Fee, close.RealizedPnl), (Number(pushed, "tradeFee"), Number(pushed, "realizedAmount")));
            Assert.DoesNotContain(run, s => s.After.OpenOrders.Any(o => o.Id == close.OrderId));
            Assert.DoesNotContain(open.EnumerateArray(), o => o.GetProperty("orderId").ToString() == close.OrderId);
        }
    }
}
