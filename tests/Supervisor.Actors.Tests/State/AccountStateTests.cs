using Supervisor.Actors.State;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.Tests.State;

/// <summary>The fold of events into an account's state, without actors: what is a change, what is kept, what adds up.</summary>
public sealed class AccountStateTests
{
    private static readonly OrderChanged ChainUpOrder = new("chainup", "o-1", "E-BTC-USDT", null, 85000m, 4m, 0m, OrderStatus.New)
    {
        OrderType = OrderTypes.Limit,
        Fee = 0m,
        RealizedPnl = 0m,
    };

    [Fact]
    public void An_order_keeps_what_a_later_push_does_not_say()
    {
        var state = AccountState.Empty("a", "coinw").Apply(new OrderChanged("coinw", "o-1", "BTC", TradeSide.Long, 85000m, 4m, 0m, OrderStatus.New)
        {
            Leverage = 10m,
            Source = "api",
        });

        state = state.Apply(new OrderChanged("coinw", "o-1", "BTC", null, 85000m, 4m, 1m, OrderStatus.PartiallyFilled) { Fee = 0.05m });

        var order = state.OpenOrders["o-1"];
        Assert.Equal((TradeSide?)TradeSide.Long, order.Side);
        Assert.Equal(10m, order.Leverage);
        Assert.Equal("api", order.Source);
        Assert.Equal(0.05m, order.Fee);
        Assert.Equal(1m, order.FilledQuantity);
    }

    [Fact]
    public void ChainUp_fees_and_profit_add_up_from_the_orders_cumulative_amounts_once_each()
    {
        var state = AccountState.Empty("a", "coinlocally").Apply(ChainUpOrder);
        state = state.Apply(ChainUpOrder with { FilledQuantity = 1m, Status = OrderStatus.PartiallyFilled, Fee = 0.051m });
        state = state.Apply(ChainUpOrder with { FilledQuantity = 4m, Status = OrderStatus.Filled, Fee = 0.204m });
        var close = new OrderChanged("chainup", "o-2", "E-BTC-USDT", null, 86000m, 4m, 4m, OrderStatus.Filled) { Fee = 0.2064m, RealizedPnl = 4m };

        Assert.True(state.TryApply(close, out state));
        Assert.False(state.TryApply(close, out _), "a terminal order pushed again adds nothing");
        Assert.False(state.TryApply(ChainUpOrder with { FilledQuantity = 4m, Status = OrderStatus.Filled, Fee = 0.204m }, out _));

        Assert.Equal(0.204m + 0.2064m, state.FeesPaid);
        Assert.Equal(4m, state.RealizedPnl);
        Assert.Empty(state.OpenOrders);
    }

    [Fact]
    public void CoinW_fees_and_profit_add_up_from_fills_and_its_order_fees_do_not_count_twice()
    {
        var fill = new FillReceived("coinw", "f-1", "o-1", "BTC", TradeSide.Short, 86000m, 4m, 0.2064m) { RealizedPnl = 4m };
        var state = AccountState.Empty("a", "coinw")
            .Apply(new OrderChanged("coinw", "o-1", "BTC", TradeSide.Short, 86000m, 4m, 4m, OrderStatus.Filled) { Fee = 0.2064m })
            .Apply(fill);

        Assert.False(state.TryApply(fill, out _));
        Assert.Equal(0.2064m, state.FeesPaid);
        Assert.Equal(4m, state.RealizedPnl);
    }

    [Fact]
    public void An_adl_item_journals_its_rank_and_risk_and_keeps_its_market_prices_in_memory()
    {
        var position = new PositionChanged("chainup", "501", "E-BTC-USDT", TradeSide.Long, 25m, 64000.5m, 10m, 160m);
        var state = AccountState.Empty("a", "coinlocally").Apply(position);
        var adl = new AdlRankChanged("chainup", "501", "", 3)
        {
            LiquidationPrice = 57800.2m,
            PositionMargin = 160.00125m,
            MarginRate = 0.0125m,
            BestBid = 64100.1m,
            BestAsk = 64100.3m,
            LastPrice = 64100.2m,
            MarkPrice = 64099.87500000000000012m,
        };

        var kept = Assert.IsType<AdlRankChanged>(state.Journaled(adl));
        Assert.Equal("E-BTC-USDT", kept.Instrument);
        Assert.Null(kept.MarkPrice);
        Assert.Null(kept.BestBid);
        Assert.True(state.TryApply(kept, out state));
        state = state.WithMarket(adl);

        Assert.Equal(64099.87500000000000012m, state.MarkPrices["E-BTC-USDT"]);
        Assert.Equal(64100.1m, state.AdlRanks["501"].BestBid);
        Assert.False(state.TryApply(state.Journaled(adl with { MarkPrice = 64200m, BestBid = 64199m }), out _), "market prices alone are no change");
        Assert.True(state.TryApply(state.Journaled(adl with { Rank = 2 }), out var ranked));
        Assert.Equal(64100.1m, ranked.AdlRanks["501"].BestBid);
        Assert.Equal((64099.87500000000000012m - 64000.5m) * 25m, state.UnrealizedPnlOf(position));
    }

    [Fact]
    public void An_adl_item_for_a_position_that_is_not_held_is_no_change_so_a_stale_frame_cannot_bring_back_a_closed_one()
    {
        var position = new PositionChanged("chainup", "501", "E-BTC-USDT", TradeSide.Long, 25m, 64000.5m, 10m, 160m);
        var adl = new AdlRankChanged("chainup", "501", "", 3) { LiquidationPrice = 57800.2m };
        var held = AccountState.Empty("a", "coinlocally").Apply(position).Apply(adl);
        // The reconciliation's snapshot closes the position; an ADL frame from before it is applied afterwards.
        var closed = held.Apply(new PositionClosed("chainup", "501", "E-BTC-USDT"));

        Assert.Empty(closed.AdlRanks);
        Assert.False(closed.TryApply(adl with { Rank = 2 }, out _));
        Assert.False(AccountState.Empty("a", "coinlocally").TryApply(adl, out _));
    }

    [Fact]
    public void Margin_settings_change_once()
    {
        var settings = new MarginSettingsChanged("coinw", MarginMode.Cross, PositionLayout.Split);
        Assert.True(AccountState.Empty("a", "coinw").TryApply(settings, out var state));
        Assert.False(state.TryApply(settings, out _));
        Assert.Equal(settings, state.MarginSettings);
    }

    [Fact]
    public void A_position_without_a_mark_is_valued_as_the_venue_valued_it()
    {
        var position = new PositionChanged("coinw", "p", "BTC", TradeSide.Short, 1m, 85000m, 10m, 8500m) { UnrealizedPnl = -3.5m };
        Assert.Equal(-3.5m, AccountState.Empty("a", "coinw").UnrealizedPnlOf(position));
    }

    [Fact]
    public void A_snapshot_keeps_every_persisted_part()
    {
        var state = AccountState.Empty("a", "coinlocally")
            .Apply(ChainUpOrder with { FilledQuantity = 4m, Status = OrderStatus.Filled, Fee = 0.2m, RealizedPnl = 1m })
            .Apply(new MarginSettingsChanged("chainup", MarginMode.Isolated, PositionLayout.Merged));

        var restored = AccountStateSnapshot.Of(state).Restore(AccountState.Empty("a", "coinlocally"));

        Assert.Equal(state.FeesPaid, restored.FeesPaid);
        Assert.Equal(state.RealizedPnl, restored.RealizedPnl);
        Assert.Equal(state.MarginSettings, restored.MarginSettings);
        Assert.Equal(state.EndedOrderTotals, restored.EndedOrderTotals);
    }
}
