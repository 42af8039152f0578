using Supervisor.Actors.Connection;
using Supervisor.Actors.State;
using Supervisor.Venues.Events;

namespace Supervisor.Host.Http;

/// <summary>
/// An account's state as the API writes it (<c>GET /api/accounts/{venue}/{id}</c>, time travel, the stream's
/// <c>state</c> events): what <see cref="AccountState"/> holds, each collection ordered by its key so two answers about
/// the same state are the same text, and each position with its mark and its unrealized profit at that mark.
/// </summary>
internal sealed record AccountStateView(
    string Venue,
    string Id,
    long SequenceNr,
    ConnectionStatus Connection,
    ReconciliationStatus Reconciliation,
    DateTimeOffset? ReconciledAt,
    IReadOnlyList<AssetBalanceChanged> Assets,
    IReadOnlyList<PositionView> Positions,
    IReadOnlyList<OrderChanged> OpenOrders,
    IReadOnlyList<TriggerOrderChanged> TriggerOrders,
    IReadOnlyList<AdlRankChanged> AdlRanks,
    MarginSettingsChanged? MarginSettings,
    long Fills,
    decimal FeesPaid,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal Equity)
{
    public static AccountStateView Of(AccountState state) => new(
        state.Venue,
        state.AccountId,
        state.SequenceNr,
        state.Connection,
        state.Reconciliation,
        state.ReconciledAt,
        [.. state.Assets.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)],
        [.. state.Positions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PositionView(
            p.Value, state.MarkPrices.TryGetValue(p.Value.Instrument, out var mark) ? mark : null, state.UnrealizedPnlOf(p.Value)))],
        [.. state.OpenOrders.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)],
        [.. state.TriggerOrders.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)],
        [.. state.AdlRanks.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)],
        state.MarginSettings,
        state.Fills,
        state.FeesPaid,
        state.RealizedPnl,
        state.UnrealizedPnl,
        state.Equity);
}

/// <summary>A position, the mark it is valued at (null: none known, the venue's own figure is used) and its unrealized profit.</summary>
internal sealed record PositionView(PositionChanged Position, decimal? MarkPrice, decimal? UnrealizedPnl);
