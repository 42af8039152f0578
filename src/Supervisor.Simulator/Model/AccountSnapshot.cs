using System.Collections.Immutable;

namespace Supervisor.Simulator.Model;

/// <summary>Immutable ground truth of one account after a given activity step.</summary>
/// <param name="AccountId">Simulator account id.</param>
/// <param name="Step">Number of activity steps applied.</param>
/// <param name="Available">Available USDT balance.</param>
/// <param name="Frozen">USDT frozen by open orders.</param>
/// <param name="Positions">Open positions by id.</param>
/// <param name="Orders">Open orders by id.</param>
/// <param name="TriggerOrders">Open trigger orders by id.</param>
public sealed record AccountSnapshot(
    string AccountId,
    long Step,
    decimal Available,
    decimal Frozen,
    ImmutableSortedDictionary<long, SimPosition> Positions,
    ImmutableSortedDictionary<long, SimOrder> Orders,
    ImmutableSortedDictionary<long, SimTriggerOrder> TriggerOrders);
