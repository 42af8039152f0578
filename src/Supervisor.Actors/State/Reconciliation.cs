using Supervisor.Venues.Events;
using Supervisor.Venues.Rest;

namespace Supervisor.Actors.State;

/// <summary>
/// What a REST snapshot changes in an account's state: each entity the snapshot lists, over what the state knows of it
/// (fields the snapshot does not name keep their pushed values). Entities (balance by asset, position by id, order by id) that a
/// push touched while the snapshot was being fetched are left to those pushes: a push arrives in order on its socket,
/// so it is at least as new as anything the snapshot could say about the same entity.
/// </summary>
public static class Reconciliation
{
    /// <summary>The events that bring <paramref name="state"/> to <paramref name="snapshot"/>, skipping <paramref name="touched"/> keys.</summary>
    public static IReadOnlyList<VenueEvent> Differences(AccountState state, AccountSnapshot snapshot, IReadOnlySet<string> touched)
    {
        var changes = new List<VenueEvent>();
        foreach (var balance in snapshot.Balances)
        {
            if (!touched.Contains(BalanceKey(balance.Asset)) && Differs(balance, state.Assets.GetValueOrDefault(balance.Asset), (s, k) => s.Over(k)) is { } change)
            {
                changes.Add(change);
            }
        }
        var positionIds = snapshot.Positions.Select(p => p.PositionId).ToHashSet(StringComparer.Ordinal);
        foreach (var position in snapshot.Positions)
        {
            if (!touched.Contains(PositionKey(position.PositionId)) && Differs(position, state.Positions.GetValueOrDefault(position.PositionId), (s, k) => s.Over(k)) is { } change)
            {
                changes.Add(change);
            }
        }
        foreach (var held in state.Positions.Values)
        {
            if (!positionIds.Contains(held.PositionId) && !touched.Contains(PositionKey(held.PositionId)))
            {
                changes.Add(new PositionClosed(held.Venue, held.PositionId, held.Instrument));
            }
        }
        var orderIds = snapshot.OpenOrders.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
        foreach (var order in snapshot.OpenOrders)
        {
            if (!touched.Contains(OrderKey(order.OrderId)) && Differs(order, state.OpenOrders.GetValueOrDefault(order.OrderId), (s, k) => s.Over(k)) is { } change)
            {
                changes.Add(change);
            }
        }
        foreach (var held in state.OpenOrders.Values)
        {
            if (!orderIds.Contains(held.OrderId) && !touched.Contains(OrderKey(held.OrderId)))
            {
                changes.Add(new OrderVanished(held.Venue, held.OrderId, held.Instrument));
            }
        }
        if (snapshot.TriggerOrders is { } triggers)
        {
            var triggerIds = triggers.Select(t => t.OrderId).ToHashSet(StringComparer.Ordinal);
            foreach (var trigger in triggers)
            {
                if (!touched.Contains(TriggerKey(trigger.OrderId)) && Differs(trigger, state.TriggerOrders.GetValueOrDefault(trigger.OrderId), (s, k) => s.Over(k)) is { } change)
                {
                    changes.Add(change);
                }
            }
            foreach (var held in state.TriggerOrders.Values)
            {
                if (!triggerIds.Contains(held.OrderId) && !touched.Contains(TriggerKey(held.OrderId)))
                {
                    changes.Add(new TriggerOrderVanished(held.Venue, held.OrderId, held.Instrument));
                }
            }
        }
        return changes;
    }

    /// <summary>
    /// The entity keys a pushed event touches in <paramref name="state"/>. A patch of a position the state does not
    /// know touches nothing: alone it can create nothing (ChainUP's UPDATE of a position opened while no connection was
    /// up), so the snapshot's whole position must come first for the patch to merge onto, or the position is lost.
    /// </summary>
    public static IEnumerable<string> Keys(VenueEvent e, AccountState state) => e switch
    {
        AssetBalanceChanged a => [BalanceKey(a.Asset)],
        PositionChanged p => [PositionKey(p.PositionId)],
        PositionClosed c => [PositionKey(c.PositionId)],
        PositionPatched p when state.Positions.ContainsKey(p.PositionId) => [PositionKey(p.PositionId)],
        OrderChanged o => [OrderKey(o.OrderId)],
        TriggerOrderChanged t => [TriggerKey(t.OrderId)],
        _ => [],
    };

    /// <summary>
    /// The snapshot's entity over what the state knows of it (a REST answer names some fields the push does not, and
    /// lacks others), or null when that is what the state already holds.
    /// </summary>
    private static T? Differs<T>(T snapshot, T? known, Func<T, T, T> over) where T : VenueEvent =>
        known is null ? snapshot : over(snapshot, known) is var merged && merged != known ? merged : null;

    private static string BalanceKey(string asset) => "asset:" + asset;

    private static string PositionKey(string id) => "position:" + id;

    private static string OrderKey(string id) => "order:" + id;

    private static string TriggerKey(string id) => "trigger:" + id;
}
