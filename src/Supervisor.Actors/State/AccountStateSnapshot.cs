using System.Collections.Immutable;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.State;

/// <summary>What a snapshot stores of <see cref="AccountState"/>: the persisted parts only (no market prices, no connection).</summary>
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
    /// <summary>The account's margin settings, if the venue has said.</summary>
    public MarginSettingsChanged? MarginSettings { get; init; }

    /// <summary>Fees paid so far (absent from snapshots written before the field existed: 0).</summary>
    public decimal FeesPaid { get; init; }

    /// <summary>Profit realized so far.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>The totals of recently ended orders.</summary>
    public OrderTotals[] EndedOrderTotals { get; init; } = [];

    /// <summary>The snapshot of <paramref name="state"/>.</summary>
    public static AccountStateSnapshot Of(AccountState state) => new(
        [.. state.Assets.Values],
        [.. state.Positions.Values],
        [.. state.OpenOrders.Values],
        [.. state.TriggerOrders.Values],
        [.. state.AdlRanks.Values.Select(r => r.WithoutMarket())],
        [.. state.RecentFillIds],
        state.Fills,
        state.ReconciledAt)
    {
        MarginSettings = state.MarginSettings,
        FeesPaid = state.FeesPaid,
        RealizedPnl = state.RealizedPnl,
        EndedOrderTotals = [.. state.EndedOrderTotals],
    };

    /// <summary>Restores <paramref name="empty"/> from this snapshot.</summary>
    public AccountState Restore(AccountState empty) => empty with
    {
        Assets = Assets.ToImmutableDictionary(a => a.Asset),
        Positions = Positions.ToImmutableDictionary(p => p.PositionId),
        OpenOrders = OpenOrders.ToImmutableDictionary(o => o.OrderId),
        TriggerOrders = TriggerOrders.ToImmutableDictionary(t => t.OrderId),
        AdlRanks = AdlRanks.ToImmutableDictionary(r => r.PositionId),
        RecentFillIds = [.. RecentFillIds],
        Fills = Fills,
        ReconciledAt = ReconciledAt,
        MarginSettings = MarginSettings,
        FeesPaid = FeesPaid,
        RealizedPnl = RealizedPnl,
        EndedOrderTotals = [.. EndedOrderTotals],
    };
}
