using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.Events;

/// <summary>How an entity from one source is laid over what another source said of it: kept while it still describes the same thing.</summary>
public sealed class OverTests
{
    private static readonly PositionChanged Pushed = new("coinw", "p", "BTC", TradeSide.Long, 3m, 85000m, 10m, 255m) { BaseQuantity = 0.003m, Fee = 0.15m };

    [Fact]
    public void A_snapshot_of_the_same_position_keeps_the_pushed_extras_and_adds_its_own()
    {
        var rest = Pushed with { BaseQuantity = null, Fee = null, LiquidationPrice = 76500m };
        Assert.Equal(Pushed with { LiquidationPrice = 76500m }, rest.Over(Pushed));
    }

    [Fact]
    public void A_snapshot_of_a_position_that_moved_drops_the_extras_that_described_it_before()
    {
        var rest = new PositionChanged("coinw", "p", "BTC", TradeSide.Long, 5m, 85100m, 10m, 425.5m) { LiquidationPrice = 76590m };
        Assert.Equal(rest, rest.Over(Pushed));
    }

    [Fact]
    public void A_balance_keeps_the_pushed_transferable_only_while_it_is_unchanged()
    {
        var pushed = new AssetBalanceChanged("coinw", "USDT", 100m, 1m, 2m) { Transferable = 100m };
        var rest = new AssetBalanceChanged("coinw", "USDT", 100m, 1m, 2m) { AvailableMargin = 100m };
        Assert.Equal(pushed with { AvailableMargin = 100m }, rest.Over(pushed));
        Assert.Null((rest with { Available = 90m }).Over(pushed).Transferable);
    }

    [Fact]
    public void An_order_always_keeps_its_attributes_and_its_fill_figures_only_for_the_same_fill()
    {
        var known = new OrderChanged("chainup", "o", "E-BTC-USDT", TradeSide.Short, 85000m, 4m, 1m, OrderStatus.PartiallyFilled) { Leverage = 10m, Fee = 0.05m };
        var same = new OrderChanged("chainup", "o", "E-BTC-USDT", null, 85000m, 4m, 1m, OrderStatus.PartiallyFilled);
        var later = same with { FilledQuantity = 2m };

        Assert.Equal(known, same.Over(known));
        Assert.Equal(later with { Side = TradeSide.Short, Leverage = 10m }, later.Over(known));
    }

    [Fact]
    public void A_trigger_order_without_a_contract_takes_the_known_one()
    {
        var known = new TriggerOrderChanged("coinw", "t", "BTC", TradeSide.Long, 90000m, 1m, OrderStatus.New) { Price = 90000m };
        var pushed = new TriggerOrderChanged("chainup", "t", "", TradeSide.Long, 90000m, 1m, OrderStatus.New);
        Assert.Equal(pushed with { Instrument = "BTC", Price = 90000m }, pushed.Over(known));
    }
}
