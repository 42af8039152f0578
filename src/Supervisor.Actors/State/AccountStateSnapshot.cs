using System.Collections.Immutable;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.State;

/// <summary>What a snapshot stores of <see cref="AccountState"/>: the persisted parts only (no marks, no connection).</summary>
public sealed record AccountStateSnapshot(
    AssetBalanceChanged[] Assets,
    PositionChanged[] Positions,
    OrderChanged[] OpenOrders,
    TriggerOrderChanged[] TriggerOrders,
    AdlRankChanged[] AdlRanks,
    string[] RecentFillIds,
    long Fills,
    DateTimeOffset? ReconciledAt = null)
{
    /// <summary>The snapshot of <paramref name="state"/>.</summary>
    public static AccountStateSnapshot Of(AccountState state) => new(
        [.. state.Assets.Values],
        [.. state.Positions.Values],
        [.. state.OpenOrders.Values],
        [.. state.TriggerOrders.Values],
        [.. state.AdlRanks.Select(r => new AdlRankChanged(state.Venue, r.Key, state.Positions.TryGetValue(r.Key, out var p) ? p.Instrument : "", r.Value))],
        [.. state.RecentFillIds],
        state.Fills,
        state.ReconciledAt);

    /// <summary>Restores <paramref name="empty"/> from this snapshot.</summary>
    public AccountState Restore(AccountState empty) => empty with
    {
        Assets = Assets.ToImmutableDictionary(a => a.Asset),
        Positions = Positions.ToImmutableDictionary(p => p.PositionId),
        OpenOrders = OpenOrders.ToImmutableDictionary(o => o.OrderId),
        TriggerOrders = TriggerOrders.ToImmutableDictionary(t => t.OrderId),
        AdlRanks = AdlRanks.ToImmutableDictionary(r => r.PositionId, r => r.Rank),
        RecentFillIds = [.. RecentFillIds],
        Fills = Fills,
        ReconciledAt = ReconciledAt,
    };
}
