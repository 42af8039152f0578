using Supervisor.Actors.State;
using Supervisor.Simulator.Model;
using Supervisor.Venues.Events;

namespace Supervisor.Host.Demo;

/// <summary>Compares one account's persisted state with the simulator's ground truth; returns the differences.</summary>
/// <remarks>
/// Balances, positions, open orders and CoinW trigger orders are always compared: after a gap in the stream the
/// REST snapshot brings them back. ChainUP trigger orders and CoinW fills have no REST source, so a gap loses them
/// for good; they are compared only when <c>continuous</c> says the stream had no gap.
/// </remarks>
internal static class DemoComparison
{
    public static IReadOnlyList<string> Differences(AccountTruth truth, AccountState state, bool continuous = false)
    {
        var differences = new List<string>();
        if (state.Assets.TryGetValue("USDT", out var usdt))
        {
            Check(differences, "available", truth.Available, usdt.Available);
            Check(differences, "frozen", truth.Frozen, usdt.Frozen);
            Check(differences, "margin", truth.Margin, usdt.Margin);
        }
        else if (truth.Changes > 0)
        {
            differences.Add("no USDT balance in state");
        }
        var positions = state.Positions.Values.ToDictionary(p => p.PositionId);
        foreach (var expected in truth.Positions)
        {
            if (!positions.Remove(expected.Id, out var actual))
            {
                differences.Add($"position {expected.Id} missing");
                continue;
            }
            if (actual.Quantity != expected.Quantity || actual.EntryPrice != expected.EntryPrice || actual.Side != (expected.Long ? TradeSide.Long : TradeSide.Short))
            {
                differences.Add($"position {expected.Id}: {actual.Side} {actual.Quantity} @ {actual.EntryPrice}, truth {(expected.Long ? "Long" : "Short")} {expected.Quantity} @ {expected.EntryPrice}");
            }
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
            if (actual.Price != expected.Price || actual.Quantity != expected.Quantity || actual.FilledQuantity != expected.Filled)
            {
                differences.Add($"order {expected.Id}: {actual.FilledQuantity}/{actual.Quantity} @ {actual.Price}, truth {expected.Filled}/{expected.Quantity} @ {expected.Price}");
            }
        }
        differences.AddRange(orders.Keys.Select(id => $"order {id} is not in the truth"));
        var isCoinW = truth.Venue == "coinw";
        if (isCoinW || continuous)
        {
            CompareTriggers(differences, truth, state, compareInstrument: isCoinW);
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
    /// Every position of a CoinW account must be valued at a mark from the shared market-data connection, within
    /// <paramref name="tolerance"/> of the simulator's mark now (marks move every 250 ms, so they lag a little).
    /// </summary>
    public static IReadOnlyList<string> MarkDifferences(AccountState state, Func<string, decimal> currentMark, decimal tolerance = 0.005m)
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
        return differences;
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
                || actual.Side != (expected.Long ? TradeSide.Long : TradeSide.Short) || (compareInstrument && actual.Instrument != expected.Instrument))
            {
                differences.Add($"trigger order {expected.Id}: {actual.Side} {actual.Quantity} {actual.Instrument} at {actual.TriggerPrice}, truth {(expected.Long ? "Long" : "Short")} {expected.Quantity} {expected.Instrument} at {expected.TriggerPrice}");
            }
        }
        differences.AddRange(triggers.Keys.Select(id => $"trigger order {id} is not in the truth"));
    }

    private static void Check(List<string> differences, string what, decimal expected, decimal actual)
    {
        if (expected != actual)
        {
            differences.Add($"{what} {actual}, truth {expected}");
        }
    }
}
