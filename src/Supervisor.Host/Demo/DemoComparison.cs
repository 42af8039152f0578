using Supervisor.Actors.State;
using Supervisor.Simulator.Model;
using Supervisor.Venues.Events;

namespace Supervisor.Host.Demo;

/// <summary>Compares one account's persisted state with the simulator's ground truth; returns the differences.</summary>
internal static class DemoComparison
{
    public static IReadOnlyList<string> Differences(AccountTruth truth, AccountState state)
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
        return differences;
    }

    private static void Check(List<string> differences, string what, decimal expected, decimal actual)
    {
        if (expected != actual)
        {
            differences.Add($"{what} {actual}, truth {expected}");
        }
    }
}
