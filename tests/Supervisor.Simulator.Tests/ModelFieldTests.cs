using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Tests;

/// <summary>
/// The fields the truth records carry (fees, realized PnL, liquidation price, margin rate, order type, timestamps),
/// checked against sums and formulas recomputed here from every change the model reports.
/// </summary>
public sealed class ModelFieldTests
{
    private const int Steps = 400;

    [Fact]
    public void Order_fees_and_realized_pnl_are_the_sums_of_their_fills_and_fills_execute_at_the_order_price()
    {
        var (_, steps) = Run(42);
        var fills = new List<TruthFill>();
        var orders = 0;
        foreach (var (changes, _, now) in steps)
        {
            fills.AddRange(changes.OfType<ModelChange.FillRecorded>().Select(f => f.Fill));
            foreach (var order in changes.OfType<ModelChange.OrderUpdated>().Select(o => o.Order))
            {
                var own = fills.Where(f => f.OrderId == order.Id).ToList();
                Assert.Equal(own.Sum(f => f.Fee), order.Fee);
                Assert.Equal(own.Sum(f => f.RealizedPnl), order.RealizedPnl);
                Assert.Equal(own.Sum(f => f.Quantity), order.Filled);
                Assert.All(own, f => Assert.Equal(order.Price, f.Price));
                Assert.Equal(order.Filled > 0 ? order.Price : 0m, order.AveragePrice);
                Assert.Equal(Math.Round(order.Price * order.Remaining * 0.001m, 4), order.Margin);
                Assert.Equal(Math.Round(order.Price * order.Remaining * 0.001m * 0.0006m, 6), order.FrozenFee);
                Assert.Equal((10m, "isolated"), (order.Leverage, order.MarginMode));
                Assert.Equal(now, order.UpdatedAt);
                Assert.True(order.CreatedAt <= order.UpdatedAt);
                orders++;
            }
        }
        Assert.True(orders > 100);
    }

    [Fact]
    public void Placed_orders_are_limit_orders_timestamped_by_the_clock_and_only_closes_realize_pnl()
    {
        var (_, steps) = Run(42);
        foreach (var (changes, _, now) in steps)
        {
            foreach (var change in changes.OfType<ModelChange.OrderUpdated>().Where(o => !o.Order.Closing))
            {
                Assert.Equal("limit", change.Order.Type);
                Assert.Equal(0m, change.Order.RealizedPnl);
                if (change.Terminal is null && change.Order.Filled == 0)
                {
                    Assert.Equal(now, change.Order.CreatedAt);
                }
            }
        }
    }

    [Fact]
    public void A_close_is_one_market_order_born_filled_with_the_close_s_fee_and_pnl_and_never_open()
    {
        var (model, steps) = Run(42);
        var closes = 0;
        foreach (var (changes, truth, now) in steps)
        {
            var closing = changes.OfType<ModelChange.FillRecorded>().Where(f => f.Fill.Closing).Select(f => f.Fill).ToList();
            var orders = changes.OfType<ModelChange.OrderUpdated>().Where(o => o.Order.Closing).ToList();
            Assert.Equal(closing.Count, orders.Count);
            foreach (var (fill, change) in closing.Zip(orders))
            {
                var order = change.Order;
                Assert.Equal("finish", change.Terminal);
                Assert.Equal((fill.OrderId, "market", fill.Quantity, fill.Quantity, fill.Price), (order.Id, order.Type, order.Quantity, order.Filled, order.Price));
                Assert.Equal((fill.Fee, fill.RealizedPnl), (order.Fee, order.RealizedPnl));
                Assert.Equal((now, now), (order.CreatedAt, order.UpdatedAt));
                Assert.Equal(0m, order.Margin);
                Assert.DoesNotContain(truth.OpenOrders, o => o.Id == order.Id);
                closes++;
            }
        }
        Assert.True(closes > 5);
        Assert.DoesNotContain(model.Truth().OpenOrders, o => o.Closing || o.Type != "limit");
    }

    [Fact]
    public void Positions_carry_their_fees_liquidation_price_margin_rate_and_opening_time()
    {
        var (_, steps) = Run(42);
        var fills = new List<TruthFill>();
        var opened = new Dictionary<string, DateTimeOffset>();
        var checkedPositions = 0;
        foreach (var (changes, truth, now) in steps)
        {
            fills.AddRange(changes.OfType<ModelChange.FillRecorded>().Select(f => f.Fill));
            foreach (var change in changes.OfType<ModelChange.PositionUpdated>())
            {
                var p = change.Position;
                if (change.Created)
                {
                    opened[p.Id] = now;
                }
                Assert.Equal(10m, p.Leverage);
                Assert.Equal(Math.Round(p.EntryPrice * (p.Long ? 0.9m : 1.1m), 4), p.LiquidationPrice);
                Assert.Equal(Math.Round(p.Margin / (p.Quantity * p.EntryPrice * 0.001m), 8), p.MarginRate);
                Assert.Equal(fills.Where(f => f.PositionId == p.Id).Sum(f => f.Fee), p.Fee);
                Assert.Equal((0m, 0m, "isolated"), (p.RealizedPnl, p.FundingFee, p.MarginMode));
                Assert.Equal((opened[p.Id], now), (p.OpenedAt, p.UpdatedAt));
                Assert.Equal(change.Created, change.Before is null);
                Assert.Contains(p, truth.Positions);
                checkedPositions++;
            }
            foreach (var p in changes.OfType<ModelChange.PositionRemoved>().Select(r => r.Position))
            {
                var own = fills.Where(f => f.PositionId == p.Id).ToList();
                Assert.Equal(own.Sum(f => f.Fee), p.Fee);
                Assert.Equal(own.Single(f => f.Closing).RealizedPnl, p.RealizedPnl);
                Assert.DoesNotContain(truth.Positions, o => o.Id == p.Id);
            }
        }
        Assert.True(checkedPositions > 50);
    }

    [Fact]
    public void The_account_sums_fees_and_realized_pnl_over_every_fill_and_states_its_settings()
    {
        var (model, steps) = Run(42);
        var fills = steps.SelectMany(s => s.Changes.OfType<ModelChange.FillRecorded>()).Select(f => f.Fill).ToList();
        var truth = model.Truth();

        Assert.Equal(fills.Count, truth.Fills);
        Assert.Equal(fills.Sum(f => f.Fee), truth.FeesPaid);
        Assert.Equal(fills.Sum(f => f.RealizedPnl), truth.RealizedPnl);
        Assert.NotEqual(0m, truth.RealizedPnl);
        Assert.Equal((truth.Available, truth.Available, 0m), (truth.Transferable, truth.AvailableMargin, truth.CouponBalance));
        Assert.Equal(("isolated", "merged"), (truth.MarginMode, truth.PositionLayout));
        Assert.Equal(model.UserId, truth.UserId);
        Assert.All(steps, s => Assert.All(s.Changes.OfType<ModelChange.BalanceUpdated>(), b =>
            Assert.Equal((b.Available, b.Available), (b.AvailableMargin, b.Transferable))));
        // Everything the account ever had went to margin, frozen, fees or came back as PnL.
        Assert.Equal(10_000m + truth.RealizedPnl - truth.FeesPaid, truth.Available + truth.Frozen + truth.Margin);
    }

    [Fact]
    public void The_new_fields_are_the_same_for_a_seed_and_clock()
    {
        var first = Run(7).Steps.SelectMany(s => s.Changes).ToList();
        var second = Run(7).Steps.SelectMany(s => s.Changes).ToList();

        Assert.Equal(first, second);
        Assert.Equal(JsonSerializer.Serialize(Run(7).Model.Truth()), JsonSerializer.Serialize(Run(7).Model.Truth()));
    }

    /// <summary>Steps one CoinW account, the clock a second further before each step.</summary>
    private static (AccountModel Model, List<(List<ModelChange> Changes, AccountTruth Truth, DateTimeOffset Now)> Steps) Run(int seed)
    {
        var clock = new FakeTimeProvider();
        var model = new AccountModel(Venues.CoinW, seed, clock);
        var current = new List<ModelChange>();
        model.Changed += current.Add;
        var steps = new List<(List<ModelChange>, AccountTruth, DateTimeOffset)>();
        for (var i = 0; i < Steps; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            current.Clear();
            model.Step();
            steps.Add(([.. current], model.Truth(), clock.GetUtcNow()));
        }
        return (model, steps);
    }
}
