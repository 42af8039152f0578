using System.Collections.Immutable;
using Supervisor.Actors.Connection;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.State;

/// <summary>
/// The immutable view of one account: balances, positions, open orders, trigger orders, ADL ranks, last mark prices
/// and connection status. <see cref="TryApply"/> says whether an event changes anything, so the state actor persists
/// only real changes (a repeated identical push writes nothing).
/// </summary>
public sealed record AccountState(
    string AccountId,
    string Venue,
    ImmutableDictionary<string, AssetBalanceChanged> Assets,
    ImmutableDictionary<string, PositionChanged> Positions,
    ImmutableDictionary<string, OrderChanged> OpenOrders,
    ImmutableDictionary<string, TriggerOrderChanged> TriggerOrders,
    ImmutableDictionary<string, int> AdlRanks,
    ImmutableDictionary<string, decimal> MarkPrices,
    ImmutableList<string> RecentFillIds,
    long Fills,
    ConnectionStatus Connection,
    long SequenceNr)
{
    /// <summary>When a REST snapshot was last reconciled into this state (persisted), or null if never.</summary>
    public DateTimeOffset? ReconciledAt { get; init; }

    /// <summary>How reconciliation stands now (in memory only).</summary>
    public ReconciliationStatus Reconciliation { get; init; } = ReconciliationStatus.NotConfigured;

    private const int RememberedFills = 256;

    /// <summary>A new account with nothing known yet.</summary>
    public static AccountState Empty(string accountId, string venue) => new(
        accountId, venue,
        ImmutableDictionary<string, AssetBalanceChanged>.Empty,
        ImmutableDictionary<string, PositionChanged>.Empty,
        ImmutableDictionary<string, OrderChanged>.Empty,
        ImmutableDictionary<string, TriggerOrderChanged>.Empty,
        ImmutableDictionary<string, int>.Empty,
        ImmutableDictionary<string, decimal>.Empty,
        ImmutableList<string>.Empty,
        0,
        ConnectionStatus.Connecting,
        0);

    /// <summary>Unrealized profit of every position valued at its instrument's last mark price (positions without one count 0).</summary>
    public decimal UnrealizedPnl
    {
        get
        {
            var total = 0m;
            foreach (var position in Positions.Values)
            {
                if (MarkPrices.TryGetValue(position.Instrument, out var mark))
                {
                    total += (mark - position.EntryPrice) * position.Quantity * (position.Side == TradeSide.Long ? 1 : -1);
                }
            }
            return total;
        }
    }

    /// <summary>Balances of every asset plus unrealized profit (assumes a single settlement currency, as both venues' USDT-M futures).</summary>
    public decimal Equity
    {
        get
        {
            var total = UnrealizedPnl;
            foreach (var asset in Assets.Values)
            {
                total += asset.Total;
            }
            return total;
        }
    }

    /// <summary>The state after <paramref name="e"/>, and whether it differs (mark prices are never "changes": they are not persisted).</summary>
    public bool TryApply(VenueEvent e, out AccountState next)
    {
        next = e switch
        {
            AssetBalanceChanged a when !(Assets.TryGetValue(a.Asset, out var old) && old == a) => this with { Assets = Assets.SetItem(a.Asset, a) },
            PositionChanged p when !(Positions.TryGetValue(p.PositionId, out var old) && old == p) => this with { Positions = Positions.SetItem(p.PositionId, p) },
            PositionPatched p when Positions.TryGetValue(p.PositionId, out var known) && Merge(known, p) is var merged && merged != known =>
                this with { Positions = Positions.SetItem(p.PositionId, merged) },
            PositionClosed c when Positions.ContainsKey(c.PositionId) => this with { Positions = Positions.Remove(c.PositionId), AdlRanks = AdlRanks.Remove(c.PositionId) },
            OrderChanged o when o.IsTerminal && OpenOrders.ContainsKey(o.OrderId) => this with { OpenOrders = OpenOrders.Remove(o.OrderId) },
            OrderChanged o when !o.IsTerminal && !(OpenOrders.TryGetValue(o.OrderId, out var old) && old == o) => this with { OpenOrders = OpenOrders.SetItem(o.OrderId, o) },
            OrderVanished v when OpenOrders.ContainsKey(v.OrderId) => this with { OpenOrders = OpenOrders.Remove(v.OrderId) },
            ReconciliationApplied r => this with { ReconciledAt = r.At },
            TriggerOrderVanished v when TriggerOrders.ContainsKey(v.OrderId) => this with { TriggerOrders = TriggerOrders.Remove(v.OrderId) },
            TriggerOrderChanged t when t.IsTerminal && TriggerOrders.ContainsKey(t.OrderId) => this with { TriggerOrders = TriggerOrders.Remove(t.OrderId) },
            TriggerOrderChanged t when !t.IsTerminal && !(TriggerOrders.TryGetValue(t.OrderId, out var old) && old == t) => this with { TriggerOrders = TriggerOrders.SetItem(t.OrderId, t) },
            AdlRankChanged r when !(AdlRanks.TryGetValue(r.PositionId, out var old) && old == r.Rank) => this with { AdlRanks = AdlRanks.SetItem(r.PositionId, r.Rank) },
            FillReceived f when !RecentFillIds.Contains(f.FillId) => this with
            {
                Fills = Fills + 1,
                RecentFillIds = (RecentFillIds.Count >= RememberedFills ? RecentFillIds.RemoveAt(0) : RecentFillIds).Add(f.FillId),
            },
            _ => this,
        };
        return !ReferenceEquals(next, this);
    }

    private static PositionChanged Merge(PositionChanged known, PositionPatched patch) => known with
    {
        Side = patch.Side ?? known.Side,
        Quantity = patch.Quantity ?? known.Quantity,
        EntryPrice = patch.EntryPrice ?? known.EntryPrice,
        Leverage = patch.Leverage ?? known.Leverage,
        Margin = patch.Margin ?? known.Margin,
    };

    /// <summary>Applies an event known to be a change (replay, persisted handlers).</summary>
    public AccountState Apply(VenueEvent e) => TryApply(e, out var next) ? next : this;
}
