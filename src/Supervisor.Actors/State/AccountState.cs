using System.Collections.Immutable;
using Supervisor.Actors.Connection;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.State;

/// <summary>
/// The immutable view of one account: balances, positions, open orders, trigger orders, ADL ranks with their risk
/// figures, margin settings, fees paid and profit realized, last market prices and connection status.
/// <see cref="TryApply"/> says whether an event changes anything, so the state actor persists only real changes (a
/// repeated identical push writes nothing).
/// </summary>
public sealed record AccountState(
    string AccountId,
    string Venue,
    ImmutableDictionary<string, AssetBalanceChanged> Assets,
    ImmutableDictionary<string, PositionChanged> Positions,
    ImmutableDictionary<string, OrderChanged> OpenOrders,
    ImmutableDictionary<string, TriggerOrderChanged> TriggerOrders,
    ImmutableDictionary<string, AdlRankChanged> AdlRanks,
    ImmutableDictionary<string, decimal> MarkPrices,
    ImmutableList<string> RecentFillIds,
    long Fills,
    ConnectionStatus Connection,
    long SequenceNr)
{
    private const int RememberedFills = 256;
    private const int RememberedOrderTotals = 256;

    /// <summary>The account's margin mode and position layout, once the venue has said (CoinW <c>user_setting</c>).</summary>
    public MarginSettingsChanged? MarginSettings { get; init; }

    /// <summary>Fees paid since the journal began: from fills where the venue pushes them (CoinW), else from the orders' cumulative fees (ChainUP).</summary>
    public decimal FeesPaid { get; init; }

    /// <summary>Profit realized since the journal began, from the same source as <see cref="FeesPaid"/>.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>
    /// The cumulative fee and realized profit last seen of recently ended orders, so that a terminal order pushed
    /// again, or a late push of one, adds nothing twice (open orders carry theirs in <see cref="OpenOrders"/>).
    /// </summary>
    public ImmutableList<OrderTotals> EndedOrderTotals { get; init; } = ImmutableList<OrderTotals>.Empty;

    /// <summary>When a REST snapshot was last reconciled into this state (persisted), or null if never.</summary>
    public DateTimeOffset? ReconciledAt { get; init; }

    /// <summary>How reconciliation stands now (in memory only).</summary>
    public ReconciliationStatus Reconciliation { get; init; } = ReconciliationStatus.NotConfigured;

    /// <summary>A new account with nothing known yet.</summary>
    public static AccountState Empty(string accountId, string venue) => new(
        accountId, venue,
        ImmutableDictionary<string, AssetBalanceChanged>.Empty,
        ImmutableDictionary<string, PositionChanged>.Empty,
        ImmutableDictionary<string, OrderChanged>.Empty,
        ImmutableDictionary<string, TriggerOrderChanged>.Empty,
        ImmutableDictionary<string, AdlRankChanged>.Empty,
        ImmutableDictionary<string, decimal>.Empty,
        ImmutableList<string>.Empty,
        0,
        ConnectionStatus.Connecting,
        0);

    /// <summary>Unrealized profit of every position valued at its instrument's last mark price (see <see cref="UnrealizedPnlOf"/>).</summary>
    public decimal UnrealizedPnl => Positions.Values.Sum(p => UnrealizedPnlOf(p) ?? 0m);

    /// <summary>Balances of every asset plus unrealized profit (assumes a single settlement currency, as both venues' USDT-M futures).</summary>
    public decimal Equity => UnrealizedPnl + Assets.Values.Sum(a => a.Total);

    /// <summary>
    /// A position's unrealized profit at the last mark price, or as the venue last valued it when no mark is known. The
    /// size is the base-currency size where the venue states it (CoinW <c>baseSize</c>), else the contract count
    /// (ChainUP names no contract multiplier in its pushes).
    /// </summary>
    public decimal? UnrealizedPnlOf(PositionChanged position) =>
        MarkPrices.TryGetValue(position.Instrument, out var mark)
            ? (mark - position.EntryPrice) * (position.BaseQuantity ?? position.Quantity) * (position.Side == TradeSide.Long ? 1 : -1)
            : position.UnrealizedPnl;

    /// <summary>The state after <paramref name="e"/>, and whether it differs (mark prices are never "changes": they are not persisted).</summary>
    public bool TryApply(VenueEvent e, out AccountState next)
    {
        next = e switch
        {
            AssetBalanceChanged a when !(Assets.TryGetValue(a.Asset, out var old) && old == a) => this with { Assets = Assets.SetItem(a.Asset, a) },
            PositionChanged p when !(Positions.TryGetValue(p.PositionId, out var old) && old == p) => this with { Positions = Positions.SetItem(p.PositionId, p) },
            PositionPatched p when Positions.TryGetValue(p.PositionId, out var known) && p.Onto(known) is var merged && merged != known =>
                this with { Positions = Positions.SetItem(p.PositionId, merged) },
            PositionClosed c when Positions.ContainsKey(c.PositionId) => this with { Positions = Positions.Remove(c.PositionId), AdlRanks = AdlRanks.Remove(c.PositionId) },
            OrderChanged o => ApplyOrder(o),
            OrderVanished v when OpenOrders.ContainsKey(v.OrderId) => this with { OpenOrders = OpenOrders.Remove(v.OrderId) },
            ReconciliationApplied r => this with { ReconciledAt = r.At },
            TriggerOrderVanished v when TriggerOrders.ContainsKey(v.OrderId) => this with { TriggerOrders = TriggerOrders.Remove(v.OrderId) },
            TriggerOrderChanged t when t.IsTerminal && TriggerOrders.ContainsKey(t.OrderId) => this with { TriggerOrders = TriggerOrders.Remove(t.OrderId) },
            TriggerOrderChanged t when !t.IsTerminal && (TriggerOrders.TryGetValue(t.OrderId, out var old) ? t.Over(old) : t) is var trigger && trigger != old =>
                this with { TriggerOrders = TriggerOrders.SetItem(t.OrderId, trigger) },
            // An ADL item is about a held position: one for a position already closed (an ADL frame older than the
            // snapshot that closed it, applied after it) would otherwise stay for good, as no later frame names it.
            AdlRankChanged r when Positions.ContainsKey(r.PositionId) && Journaled(r) is var kept
                && !(AdlRanks.TryGetValue(r.PositionId, out var old) && old.WithoutMarket() == kept) =>
                this with { AdlRanks = AdlRanks.SetItem(r.PositionId, AdlRanks.TryGetValue(r.PositionId, out var held) ? kept.WithMarketOf(held) : kept) },
            MarginSettingsChanged s when s != MarginSettings => this with { MarginSettings = s },
            FillReceived f when !RecentFillIds.Contains(f.FillId) => this with
            {
                Fills = Fills + 1,
                RecentFillIds = (RecentFillIds.Count >= RememberedFills ? RecentFillIds.RemoveAt(0) : RecentFillIds).Add(f.FillId),
                FeesPaid = FillsCarryTotals(f.Venue) ? FeesPaid + f.Fee : FeesPaid,
                RealizedPnl = FillsCarryTotals(f.Venue) ? RealizedPnl + (f.RealizedPnl ?? 0m) : RealizedPnl,
            },
            _ => this,
        };
        return !ReferenceEquals(next, this);
    }

    /// <summary>Applies an event known to be a change (replay, persisted handlers).</summary>
    public AccountState Apply(VenueEvent e) => TryApply(e, out var next) ? next : this;

    /// <summary>
    /// What the journal keeps of <paramref name="e"/>: an ADL item without its market prices (they move every second;
    /// they are market data, kept in memory as marks are) and with the instrument filled in from the position.
    /// </summary>
    public VenueEvent Journaled(VenueEvent e) => e is AdlRankChanged r ? Journaled(r) : e;

    /// <summary>The market prices an event carries, as marks by instrument (an ADL item's mark; a mark price).</summary>
    public AccountState WithMarket(VenueEvent e) => e switch
    {
        MarkPriceChanged m => this with { MarkPrices = MarkPrices.SetItem(m.Instrument, m.Price) },
        AdlRankChanged { MarkPrice: { } mark } r when InstrumentOf(r) is { Length: > 0 } instrument => this with
        {
            MarkPrices = MarkPrices.SetItem(instrument, mark),
            AdlRanks = AdlRanks.TryGetValue(r.PositionId, out var known) ? AdlRanks.SetItem(r.PositionId, known.WithMarketOf(r)) : AdlRanks,
        },
        _ => this,
    };

    private AdlRankChanged Journaled(AdlRankChanged r) => r.WithoutMarket() with { Instrument = InstrumentOf(r) };

    private string InstrumentOf(AdlRankChanged r) =>
        r.Instrument.Length > 0 ? r.Instrument : Positions.TryGetValue(r.PositionId, out var position) ? position.Instrument : "";

    private AccountState ApplyOrder(OrderChanged pushed)
    {
        var known = OpenOrders.TryGetValue(pushed.OrderId, out var open) ? open : null;
        var order = known is null ? pushed : pushed.Over(known);
        var next = this;
        if (!FillsCarryTotals(order.Venue) && (order.Fee is not null || order.RealizedPnl is not null))
        {
            var before = known is not null ? new OrderTotals(order.OrderId, known.Fee ?? 0m, known.RealizedPnl ?? 0m)
                : EndedOrderTotals.Find(t => t.OrderId == order.OrderId) ?? new OrderTotals(order.OrderId, 0m, 0m);
            var after = new OrderTotals(order.OrderId, order.Fee ?? before.Fee, order.RealizedPnl ?? before.RealizedPnl);
            if (after != before)
            {
                next = next with { FeesPaid = FeesPaid + after.Fee - before.Fee, RealizedPnl = RealizedPnl + after.RealizedPnl - before.RealizedPnl };
            }
            if (order.IsTerminal && EndedOrderTotals.Find(t => t.OrderId == order.OrderId) != after)
            {
                var ended = EndedOrderTotals.RemoveAll(t => t.OrderId == order.OrderId);
                next = next with { EndedOrderTotals = (ended.Count >= RememberedOrderTotals ? ended.RemoveAt(0) : ended).Add(after) };
            }
        }
        if (order.IsTerminal)
        {
            return known is null ? next : next with { OpenOrders = OpenOrders.Remove(order.OrderId) };
        }
        return order == known ? next : next with { OpenOrders = OpenOrders.SetItem(order.OrderId, order) };
    }

    /// <summary>CoinW pushes every fill with its fee and profit; ChainUP has no fill channel, so its orders' cumulative amounts are the record.</summary>
    private static bool FillsCarryTotals(string venue) => venue == CoinWCodec.Venue;
}
