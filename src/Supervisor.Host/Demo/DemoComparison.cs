using Supervisor.Actors.State;
using Supervisor.Simulator.Model;
using Supervisor.Venues.Events;

namespace Supervisor.Host.Demo;

/// <summary>Compares one account's persisted state with the simulator's ground truth; returns the differences.</summary>
/// <remarks>
/// Balances, positions, open orders, ADL items and CoinW trigger orders are always compared, with every field the
/// venue's pushes carry and its REST snapshot restores: after a gap in the stream the snapshot brings them back.
/// What only pushes carry — fills, fees and realized profit, per-order fees, ChainUP's margin rate, opening margin
/// and closable size, ChainUP trigger orders — is lost for good by a gap, so it is compared only when
/// <c>continuous</c> says the stream had none.
/// </remarks>
internal static class DemoComparison
{
    public static IReadOnlyList<string> Differences(AccountTruth truth, AccountState state, bool continuous = false)
    {
        var differences = new List<string>();
        var isCoinW = truth.Venue == "coinw";
        CompareBalance(differences, truth, state, isCoinW, continuous);
        var positions = state.Positions.Values.ToDictionary(p => p.PositionId);
        foreach (var expected in truth.Positions)
        {
            if (!positions.Remove(expected.Id, out var actual))
            {
                differences.Add($"position {expected.Id} missing");
                continue;
            }
            ComparePosition(differences, expected, actual, state, isCoinW, continuous);
        }
        differences.AddRange(positions.Keys.Select(id => $"position {id} is not in the truth"));
        var orders = state.OpenOrders.Values.ToDictionary(o => o.OrderId);
        foreach (var expected in truth.OpenOrders)
        {
            if (!orders.Remove(expected.Id, out var actual))
            {
                differences.Add($"order {expected.Id} missing");
                continue;
            }
            CompareOrder(differences, expected, actual, isCoinW, continuous);
        }
        differences.AddRange(orders.Keys.Select(id => $"order {id} is not in the truth"));
        if (!isCoinW)
        {
            CompareAdl(differences, truth, state);
        }
        if (isCoinW || continuous)
        {
            CompareTriggers(differences, truth, state, compareInstrument: isCoinW);
        }
        if (continuous)
        {
            Check(differences, "fees paid", truth.FeesPaid, state.FeesPaid);
            Check(differences, "realized profit", truth.RealizedPnl, state.RealizedPnl);
        }
        if (isCoinW && continuous)
        {
            Check(differences, "fills", truth.Fills, state.Fills);
            var expectedFills = truth.RecentFills.Select(f => f.Id).TakeLast(state.RecentFillIds.Count).ToList();
            if (!expectedFills.SequenceEqual(state.RecentFillIds.TakeLast(expectedFills.Count)))
            {
                differences.Add($"recent fills {string.Join(",", state.RecentFillIds.TakeLast(3))}…, truth {string.Join(",", expectedFills.TakeLast(3))}…");
            }
        }
        return differences;
    }

    /// <summary>
    /// Every position must be valued at a mark (CoinW's from the shared market-data connection, ChainUP's from its ADL
    /// pushes) within <paramref name="tolerance"/> of the simulator's mark now (marks move every 250 ms, so they lag a
    /// little); a CoinW position's unrealized profit at that mark must be the simulator's at the same mark.
    /// </summary>
    public static IReadOnlyList<string> MarkDifferences(AccountTruth truth, AccountState state, Func<string, decimal> currentMark, decimal tolerance = 0.005m)
    {
        var differences = new List<string>();
        foreach (var instrument in state.Positions.Values.Select(p => p.Instrument).Distinct())
        {
            var expected = currentMark(instrument);
            if (!state.MarkPrices.TryGetValue(instrument, out var mark))
            {
                differences.Add($"no mark price for {instrument} (held)");
            }
            else if (Math.Abs(mark - expected) > expected * tolerance)
            {
                differences.Add($"mark {instrument} {mark}, simulator {expected}");
            }
        }
        if (truth.Venue == "coinw")
        {
            foreach (var expected in truth.Positions)
            {
                if (state.Positions.TryGetValue(expected.Id, out var actual) && state.MarkPrices.TryGetValue(actual.Instrument, out var mark)
                    && state.UnrealizedPnlOf(actual) is { } pnl && Math.Round(pnl, 4) != expected.PnlAt(mark))
                {
                    differences.Add($"position {expected.Id}: unrealized {pnl} at {mark}, truth {expected.PnlAt(mark)}");
                }
            }
        }
        return differences;
    }

    private static void CompareBalance(List<string> differences, AccountTruth truth, AccountState state, bool isCoinW, bool continuous)
    {
        if (!state.Assets.TryGetValue("USDT", out var usdt))
        {
            if (truth.Changes > 0)
            {
                differences.Add("no USDT balance in state");
            }
            return;
        }
        Check(differences, "available", truth.Available, usdt.Available);
        Check(differences, "frozen", truth.Frozen, usdt.Frozen);
        Check(differences, "margin", truth.Margin, usdt.Margin);
        // ChainUP's balance push names none of these; CoinW's REST snapshot only the available margin and coupons.
        if (isCoinW)
        {
            Check(differences, "available margin", truth.AvailableMargin, usdt.AvailableMargin);
            Check(differences, "coupon balance", truth.CouponBalance, usdt.CouponBalance);
        }
        if (isCoinW && continuous)
        {
            Check(differences, "transferable", truth.Transferable, usdt.Transferable);
            Check(differences, "hold", 0m, usdt.Hold);
        }
    }

    private static void ComparePosition(List<string> differences, TruthPosition expected, PositionChanged actual, AccountState state, bool isCoinW, bool continuous)
    {
        var what = $"position {expected.Id}";
        if (actual.Quantity != expected.Quantity || actual.EntryPrice != expected.EntryPrice || actual.Side != Side(expected.Long))
        {
            differences.Add($"{what}: {actual.Side} {actual.Quantity} @ {actual.EntryPrice}, truth {Side(expected.Long)} {expected.Quantity} @ {expected.EntryPrice}");
        }
        Check(differences, what + " leverage", expected.Leverage, actual.Leverage);
        Check(differences, what + " margin", expected.Margin, actual.Margin);
        Check(differences, what + " margin mode", MarginModeOf(expected.MarginMode), actual.MarginMode);
        if (isCoinW)
        {
            Check(differences, what + " position margin", expected.Margin, actual.PositionMargin);
            Check(differences, what + " fee", expected.Fee, actual.Fee);
            Check(differences, what + " base size", expected.BaseQuantity, actual.BaseQuantity);
            Check(differences, what + " funding", expected.FundingFee, actual.FundingFee);
            Check(differences, what + " opened at", Milliseconds(expected.OpenedAt), actual.OpenedAt);
            return;
        }
        Check(differences, what + " liquidation price", expected.LiquidationPrice, actual.LiquidationPrice);
        Check(differences, what + " realized profit", expected.RealizedPnl, actual.RealizedPnl);
        if (continuous)
        {
            Check(differences, what + " margin rate", expected.MarginRate, actual.MarginRate);
            Check(differences, what + " opening margin", expected.Margin, actual.InitialMargin);
            Check(differences, what + " closable", expected.ClosableQuantity, actual.ClosableQuantity);
        }
    }

    private static void CompareOrder(List<string> differences, TruthOrder expected, OrderChanged actual, bool isCoinW, bool continuous)
    {
        var what = $"order {expected.Id}";
        if (actual.Price != expected.Price || actual.Quantity != expected.Quantity || actual.FilledQuantity != expected.Filled)
        {
            differences.Add($"{what}: {actual.FilledQuantity}/{actual.Quantity} @ {actual.Price}, truth {expected.Filled}/{expected.Quantity} @ {expected.Price}");
        }
        Check(differences, what + " type", expected.Type, actual.OrderType);
        if (isCoinW)
        {
            // ChainUP's order push names no side: only a reconciliation after the order appeared would.
            Check(differences, what + " side", Side(expected.Long), actual.Side);
            Check(differences, what + " leverage", expected.Leverage, actual.Leverage);
            Check(differences, what + " margin mode", MarginModeOf(expected.MarginMode), actual.MarginMode);
        }
        else
        {
            Check(differences, what + " average price", expected.AveragePrice, actual.AveragePrice);
        }
        if (continuous)
        {
            Check(differences, what + " fee", expected.Fee, actual.Fee);
        }
    }

    private static void CompareAdl(List<string> differences, AccountTruth truth, AccountState state)
    {
        // The simulator ranks positions 1 to 5 by their place in id order, as its ADL push lists them.
        for (var i = 0; i < truth.Positions.Count; i++)
        {
            var expected = truth.Positions[i];
            if (!state.AdlRanks.TryGetValue(expected.Id, out var adl))
            {
                differences.Add($"no ADL item for position {expected.Id}");
                continue;
            }
            var what = $"ADL of {expected.Id}";
            Check(differences, what + " rank", 1 + (i % 5), adl.Rank);
            Check(differences, what + " liquidation price", expected.LiquidationPrice, adl.LiquidationPrice);
            Check(differences, what + " margin", expected.Margin, adl.PositionMargin);
            Check(differences, what + " margin rate", expected.MarginRate, adl.MarginRate);
        }
        differences.AddRange(state.AdlRanks.Keys.Except(truth.Positions.Select(p => p.Id)).Select(id => $"ADL item {id} for a position not in the truth"));
    }

    // ChainUP's trigOrder push names no contract, so its instrument is compared on CoinW only.
    private static void CompareTriggers(List<string> differences, AccountTruth truth, AccountState state, bool compareInstrument)
    {
        var triggers = state.TriggerOrders.Values.ToDictionary(t => t.OrderId);
        foreach (var expected in truth.TriggerOrders)
        {
            if (!triggers.Remove(expected.Id, out var actual))
            {
                differences.Add($"trigger order {expected.Id} missing");
                continue;
            }
            if (actual.TriggerPrice != expected.TriggerPrice || actual.Quantity != expected.Quantity
                || actual.Side != Side(expected.Long) || (compareInstrument && actual.Instrument != expected.Instrument))
            {
                differences.Add($"trigger order {expected.Id}: {actual.Side} {actual.Quantity} {actual.Instrument} at {actual.TriggerPrice}, truth {Side(expected.Long)} {expected.Quantity} {expected.Instrument} at {expected.TriggerPrice}");
            }
            Check(differences, $"trigger order {expected.Id} price", expected.Price, actual.Price);
            Check(differences, $"trigger order {expected.Id} created at", Milliseconds(expected.CreatedAt), actual.CreatedAt);
        }
        differences.AddRange(triggers.Keys.Select(id => $"trigger order {id} is not in the truth"));
    }

    // Venues send times in epoch milliseconds; the simulator's clock has ticks.
    private static DateTimeOffset Milliseconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    private static TradeSide Side(bool isLong) => isLong ? TradeSide.Long : TradeSide.Short;

    private static MarginMode MarginModeOf(string mode) => mode == Terms.Isolated ? MarginMode.Isolated : MarginMode.Cross;

    private static void Check<T>(List<string> differences, string what, T expected, T? actual)
        where T : struct
    {
        if (!Equals(expected, actual))
        {
            differences.Add($"{what} {(actual is null ? "(none)" : actual)}, truth {expected}");
        }
    }

    private static void Check(List<string> differences, string what, string expected, string? actual)
    {
        if (expected != actual)
        {
            differences.Add($"{what} {actual ?? "(none)"}, truth {expected}");
        }
    }
}
