namespace Supervisor.Simulator.Model;

/// <summary>
/// The ground truth of one simulated account and its seeded trading activity: orders placed, partly filled, filled
/// and cancelled; positions opened, grown and closed; the balance moving with them. Every change is reported to
/// <see cref="Changed"/> so the sessions can push it in their venue's format. Deterministic for a given seed.
/// </summary>
public sealed class AccountModel
{
    private static readonly string[] Instruments = ["BTC", "ETH", "SOL"];
    private static readonly decimal[] Prices = [85_000m, 3_200m, 140m];
    private readonly Lock _lock = new();
    private readonly Random _random;
    private readonly Dictionary<string, TruthOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TruthPosition> _positions = new(StringComparer.Ordinal);
    private decimal _available = 10_000m;
    private decimal _frozen;
    private decimal _margin;
    private long _nextId = 33_308_740_320_587_000;
    private long _changes;

    public AccountModel(SimAccount account, int seed)
    {
        Account = account;
        _random = new Random(HashCode.Combine(seed, account.Id.GetHashCode(StringComparison.Ordinal)));
    }

    public SimAccount Account { get; }

    /// <summary>Fault switches and live sessions of this account.</summary>
    public AccountFaults Faults { get; } = new();

    /// <summary>Raised after each change, outside the lock, with what changed.</summary>
    public event Action<ModelChange>? Changed;

    public AccountTruth Truth()
    {
        lock (_lock)
        {
            return new AccountTruth(Account.Id, Account.Venue, _available, _frozen, _margin,
                [.. _positions.Values.OrderBy(p => p.Id, StringComparer.Ordinal)], [.. _orders.Values.OrderBy(o => o.Id, StringComparer.Ordinal)], _changes);
        }
    }

    /// <summary>One step of activity.</summary>
    public void Step()
    {
        List<ModelChange> changes = [];
        lock (_lock)
        {
            var roll = _random.Next(100);
            if (roll < 35 || _orders.Count == 0)
            {
                Place(changes);
            }
            else if (roll < 70)
            {
                Fill(changes);
            }
            else if (roll < 85)
            {
                Cancel(changes);
            }
            else if (_positions.Count > 0)
            {
                Close(changes);
            }
            else
            {
                Place(changes);
            }
            _changes += changes.Count;
        }
        foreach (var change in changes)
        {
            Changed?.Invoke(change);
        }
    }

    private void Place(List<ModelChange> changes)
    {
        var i = _random.Next(Instruments.Length);
        var price = Math.Round(Prices[i] * (0.98m + (decimal)_random.NextDouble() * 0.04m), 1);
        var order = new TruthOrder((++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), Instruments[i], _random.Next(2) == 0, price, 1 + _random.Next(5), 0);
        _orders[order.Id] = order;
        var cost = Math.Round(order.Price * order.Quantity * 0.001m, 4);
        _available -= cost;
        _frozen += cost;
        changes.Add(new ModelChange.OrderUpdated(order, Terminal: null));
        changes.Add(new ModelChange.BalanceUpdated(_available, _frozen, _margin));
    }

    private void Fill(List<ModelChange> changes)
    {
        var order = _orders.Values.ElementAt(_random.Next(_orders.Count));
        var fillQty = Math.Min(order.Quantity - order.Filled, 1 + _random.Next((int)(order.Quantity - order.Filled)));
        var filled = order with { Filled = order.Filled + fillQty };
        var done = filled.Filled == filled.Quantity;
        if (done)
        {
            _orders.Remove(order.Id);
        }
        else
        {
            _orders[order.Id] = filled;
        }
        changes.Add(new ModelChange.OrderUpdated(filled, done ? "finish" : null));
        var margin = Math.Round(order.Price * fillQty * 0.001m, 4);
        _frozen -= margin;
        _margin += margin;
        var existing = _positions.Values.FirstOrDefault(p => p.Instrument == order.Instrument && p.Long == order.Long);
        var position = existing is null
            ? new TruthPosition((++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), order.Instrument, order.Long, fillQty, order.Price, 10m, margin)
            : existing with
            {
                EntryPrice = Math.Round((existing.EntryPrice * existing.Quantity + order.Price * fillQty) / (existing.Quantity + fillQty), 4),
                Quantity = existing.Quantity + fillQty,
                Margin = existing.Margin + margin,
            };
        _positions[position.Id] = position;
        changes.Add(new ModelChange.PositionUpdated(position, Created: existing is null));
        changes.Add(new ModelChange.BalanceUpdated(_available, _frozen, _margin));
    }

    private void Cancel(List<ModelChange> changes)
    {
        var order = _orders.Values.ElementAt(_random.Next(_orders.Count));
        _orders.Remove(order.Id);
        var released = Math.Round(order.Price * (order.Quantity - order.Filled) * 0.001m, 4);
        _frozen = Math.Max(0, _frozen - released);
        _available += released;
        changes.Add(new ModelChange.OrderUpdated(order, "cancel"));
        changes.Add(new ModelChange.BalanceUpdated(_available, _frozen, _margin));
    }

    private void Close(List<ModelChange> changes)
    {
        var position = _positions.Values.ElementAt(_random.Next(_positions.Count));
        _positions.Remove(position.Id);
        var pnl = Math.Round((decimal)(_random.NextDouble() - 0.5) * 20m, 4);
        _margin -= position.Margin;
        _available += position.Margin + pnl;
        changes.Add(new ModelChange.PositionRemoved(position));
        changes.Add(new ModelChange.BalanceUpdated(_available, _frozen, _margin));
    }
}
