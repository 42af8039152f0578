using Supervisor.Venues.Events;

namespace Supervisor.Venues.Rest;

/// <summary>
/// An account as the venue's REST API shows it at one moment, in the same normalized terms as the pushes: what
/// reconciliation compares the persisted state with after a (re)connect.
/// </summary>
public sealed record AccountSnapshot(
    string Venue,
    IReadOnlyList<AssetBalanceChanged> Balances,
    IReadOnlyList<PositionChanged> Positions,
    IReadOnlyList<OrderChanged> OpenOrders)
{
    /// <summary>The waiting trigger orders, or null when the venue's REST API lists none (ChainUP): then they are not reconciled.</summary>
    public IReadOnlyList<TriggerOrderChanged>? TriggerOrders { get; init; }
}
