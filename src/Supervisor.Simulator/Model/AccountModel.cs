using System.Globalization;

namespace Supervisor.Simulator.Model;

/// <summary>
/// The ground truth of one simulated account and its seeded trading activity: orders placed, partly filled, filled
/// and cancelled; trigger orders placed, cancelled and fired into limit orders; positions opened, grown and closed
/// (each close a market order born filled), each execution recorded as a fill; the balance, fees and realized PnL
/// moving with them. Every change is reported to <see cref="Changed"/>
/// so the sessions can push it in their venue's format. Deterministic for a given seed (timestamps aside: they come
/// from the simulator's clock).
/// </summary>
public sealed class AccountModel
{
    /// <summary>How many fills the truth lists in <see cref="AccountTruth.RecentFills"/>.</summary>
    public const int RememberedFills = 256;

    /// <summary>How many ended orders the truth lists in <see cref="AccountTruth.RecentEndedOrders"/>.</summary>
    public const int RememberedEndedOrders = 256;

    private readonly Lock _lock = new();
    private readonly Random _random;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, TruthOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TruthTriggerOrder> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TruthPosition> _positions = new(StringComparer.Ordinal);
    private readonly Queue<TruthFill> _recentFills = new();
    private readonly Queue<TruthOrder> _endedOrders = new();
    private decimal _available = 10_000m;
    private decimal _frozen;
    private decimal _margin;
    private decimal _feesPaid;
    private decimal _realizedPnl;
    private long _nextId = 33_308_740_320_587_000;
    private long _changes;
    private long _fills;
    private volatile bool _paused;

    public AccountModel(SimAccount account, int seed, TimeProvider? clock = null)
    {
        Account = account;
        _random = new Random(StableHash.Of(seed, account.Id));
        _clock = clock ?? TimeProvider.System;
        // A stable number from the account id: CoinW's userId is numeric, our account ids are not.
        UserId = 1_000_000 + (long)((uint)StableHash.Of(0, account.Id) % 9_000_000u);
    }

    public SimAccount Account { get; }

    /// <summary>The account's numeric venue user id (see <see cref="AccountTruth.UserId"/>).</summary>
    public long UserId { get; }

    /// <summary>Fault switches and live sessions of this account.</summary>
    public AccountFaults Faults { get; } = new();

    /// <summary>While set, <see cref="Step"/> does nothing for this account (the others go on).</summary>
    public bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    /// <summary>Raised after each change, outside the lock, with what changed.</summary>
    public event Action<ModelChange>? Changed;

    public AccountTruth Truth()
    {
        lock (_lock)
        {
            return new AccountTruth(Account.Id, Account.Venue, _available, _frozen, _margin,
                [.. _positions.Values.OrderBy(p => p.Id, StringComparer.Ordinal)], [.. _orders.Values.OrderBy(o => o.Id, StringComparer.Ordinal)], _changes)
            {
                TriggerOrders = [.. _triggers.Values.OrderBy(t => t.Id, StringComparer.Ordinal)],
                Fills = _fills,
                RecentFills = [.. _recentFills],
                RecentEndedOrders = [.. _endedOrders],
                FeesPaid = _feesPaid,
                RealizedPnl = _realizedPnl,
                Transferable = _available,
                AvailableMargin = _available,
                UserId = UserId,
            };
        }
    }

    /// <summary>One step of activity (none while <see cref="Paused"/>).</summary>
    public void Step()
    {
        if (_paused)
        {
            return;
        }
        List<ModelChange> changes = [];
        lock (_lock)
        {
            var roll = _random.Next(100);
            if (roll < 30 || _orders.Count == 0)
            {
                Place(changes);
            }
            else if (roll < 60)
            {
                Fill(changes);
            }
            else if (roll < 72)
            {
                Cancel(changes);
            }
            else if (roll < 82 && _positions.Count > 0)
            {
                Close(changes);
            }
            else if (roll < 90 || _triggers.Count == 0)
            {
                PlaceTrigger(changes);
            }
            else if (roll < 95)
            {
                CancelTrigger(changes);
            }
            else
            {
                FireTrigger(changes);
            }
            _changes += changes.Count;
        }
        foreach (var change in changes)
        {
            Changed?.Invoke(change);
        }
    }

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);

    private void Place(List<ModelChange> changes)
    {
        var i = _random.Next(Instrument.All.Count);
        var price = Math.Round(Instrument.All[i].ReferencePrice * (0.98m + (decimal)_random.NextDouble() * 0.04m), 1);
        var now = _clock.GetUtcNow();
        AddOrder(new TruthOrder(NextId(), Instrument.All[i].Base, _random.Next(2) == 0, price, 1 + _random.Next(5), 0) { CreatedAt = now, UpdatedAt = now }, changes);
    }

    private void AddOrder(TruthOrder order, List<ModelChange> changes)
    {
        _orders[order.Id] = order;
        var cost = Terms.MarginOf(order.Price, order.Quantity);
        _available -= cost;
        _frozen += cost;
        changes.Add(new ModelChange.OrderUpdated(order, Terminal: null));
        changes.Add(Balance());
    }

    private void Fill(List<ModelChange> changes)
    {
        var now = _clock.GetUtcNow();
        var order = _orders.Values.ElementAt(_random.Next(_orders.Count));
        var fillQty = Math.Min(order.Remaining, 1 + _random.Next((int)order.Remaining));
        var margin = Terms.MarginOf(order.Price, fillQty);
        var fee = Terms.FeeOf(order.Price, fillQty);
        var done = order.Filled + fillQty == order.Quantity;
        var filled = order with
        {
            Filled = order.Filled + fillQty,
            Status = done ? TruthOrderStatus.Filled : TruthOrderStatus.PartiallyFilled,
            Fee = order.Fee + fee,
            PositionMargin = order.PositionMargin + margin,
            UpdatedAt = now,
        };
        if (done)
        {
            _orders.Remove(order.Id);
            End(filled);
        }
        else
        {
            _orders[order.Id] = filled;
        }
        changes.Add(new ModelChange.OrderUpdated(filled, done ? "finish" : null));
        _frozen -= margin;
        _margin += margin;
        _available -= fee;
        _feesPaid += fee;
        var existing = _positions.Values.FirstOrDefault(p => p.Instrument == order.Instrument && p.Long == order.Long);
        var position = existing is null
            ? new TruthPosition(NextId(), order.Instrument, order.Long, fillQty, order.Price, order.Leverage, margin) { Fee = fee, OpenedAt = now, UpdatedAt = now }
            : existing with
            {
                EntryPrice = Math.Round((existing.EntryPrice * existing.Quantity + order.Price * fillQty) / (existing.Quantity + fillQty), 4),
                Quantity = existing.Quantity + fillQty,
                Margin = existing.Margin + margin,
                Fee = existing.Fee + fee,
                UpdatedAt = now,
            };
        _positions[position.Id] = position;
        Record(new TruthFill(NextId(), order.Id, position.Id, order.Instrument, order.Long, order.Price, fillQty, fee, 0m, Closing: false, now), position, done, changes);
        changes.Add(new ModelChange.PositionUpdated(position, Created: existing is null) { Before = existing });
        changes.Add(Balance());
    }

    private void Cancel(List<ModelChange> changes)
    {
        var order = _orders.Values.ElementAt(_random.Next(_orders.Count));
        _orders.Remove(order.Id);
        var released = order.Margin;
        _frozen = Math.Max(0, _frozen - released);
        _available += released;
        var cancelled = order with { Status = TruthOrderStatus.Cancelled, UpdatedAt = _clock.GetUtcNow() };
        End(cancelled);
        changes.Add(new ModelChange.OrderUpdated(cancelled, "cancel"));
        changes.Add(Balance());
    }

    private void Close(List<ModelChange> changes)
    {
        var now = _clock.GetUtcNow();
        var position = _positions.Values.ElementAt(_random.Next(_positions.Count));
        _positions.Remove(position.Id);
        // Closed within ±1 % of the entry; the profit follows from the price.
        var price = Math.Round(position.EntryPrice * (1m + ((decimal)_random.NextDouble() - 0.5m) * 0.02m), 4);
        var pnl = position.PnlAt(price);
        var fee = Terms.FeeOf(price, position.Quantity);
        _margin -= position.Margin;
        _available += position.Margin + pnl - fee;
        _feesPaid += fee;
        _realizedPnl += pnl;
        // The fill id is drawn before the order id, the order they were drawn in before closes were orders: a seed keeps its ids.
        var fillId = NextId();
        var orderId = NextId();
        // A close is a market order that fills whole at once: pushed once, already terminal, never resting.
        var order = new TruthOrder(orderId, position.Instrument, position.Long, price, position.Quantity, position.Quantity)
        {
            Type = Terms.Market,
            Status = TruthOrderStatus.Filled,
            Closing = true,
            Leverage = position.Leverage,
            CreatedAt = now,
            UpdatedAt = now,
            Fee = fee,
            RealizedPnl = pnl,
            PositionMargin = position.Margin,
        };
        var closed = position with { Fee = position.Fee + fee, RealizedPnl = pnl, UpdatedAt = now };
        End(order);
        changes.Add(new ModelChange.OrderUpdated(order, "finish"));
        Record(new TruthFill(fillId, orderId, position.Id, position.Instrument, position.Long, price, position.Quantity, fee, pnl, Closing: true, now), closed, orderDone: true, changes);
        changes.Add(new ModelChange.PositionRemoved(closed));
        changes.Add(Balance());
    }

    private void PlaceTrigger(List<ModelChange> changes)
    {
        var instrument = Instrument.All[_random.Next(Instrument.All.Count)];
        var isLong = _random.Next(2) == 0;
        // Long triggers sit above the price (they fire on a rise), short ones below.
        var distance = 0.01m + (decimal)_random.NextDouble() * 0.03m;
        var trigger = Math.Round(instrument.ReferencePrice * (isLong ? 1 + distance : 1 - distance), 1);
        var order = new TruthTriggerOrder(NextId(), instrument.Base, isLong, trigger, trigger, 1 + _random.Next(5), _clock.GetUtcNow());
        _triggers[order.Id] = order;
        changes.Add(new ModelChange.TriggerOrderUpdated(order, Terminal: null));
    }

    private void CancelTrigger(List<ModelChange> changes)
    {
        var order = _triggers.Values.ElementAt(_random.Next(_triggers.Count));
        _triggers.Remove(order.Id);
        changes.Add(new ModelChange.TriggerOrderUpdated(order, "cancel"));
    }

    private void FireTrigger(List<ModelChange> changes)
    {
        var trigger = _triggers.Values.ElementAt(_random.Next(_triggers.Count));
        _triggers.Remove(trigger.Id);
        changes.Add(new ModelChange.TriggerOrderUpdated(trigger, "triggered"));
        var now = _clock.GetUtcNow();
        AddOrder(new TruthOrder(NextId(), trigger.Instrument, trigger.Long, trigger.Price, trigger.Quantity, 0) { CreatedAt = now, UpdatedAt = now }, changes);
    }

    private void End(TruthOrder order)
    {
        if (_endedOrders.Count == RememberedEndedOrders)
        {
            _endedOrders.Dequeue();
        }
        _endedOrders.Enqueue(order);
    }

    private void Record(TruthFill fill, TruthPosition position, bool orderDone, List<ModelChange> changes)
    {
        _fills++;
        if (_recentFills.Count == RememberedFills)
        {
            _recentFills.Dequeue();
        }
        _recentFills.Enqueue(fill);
        changes.Add(new ModelChange.FillRecorded(fill, position, orderDone));
    }

    private ModelChange.BalanceUpdated Balance() => new(_available, _frozen, _margin)
    {
        AvailableMargin = _available,
        Transferable = _available,
    };
}
