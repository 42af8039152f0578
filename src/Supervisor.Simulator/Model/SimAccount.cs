using System.Collections.Immutable;

namespace Supervisor.Simulator.Model;

/// <summary>
/// One simulated sub-account: its credentials, its seeded activity generator and the ground truth.
/// Every step mutates the truth under a lock and raises <see cref="Changed"/> once per venue-visible
/// change, in order, so the pushes replay to exactly the truth.
/// </summary>
public sealed class SimAccount
{
    private const decimal ContractSize = 0.001m;
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly Dictionary<string, decimal> _prices = new() { ["BTC"] = 60000m, ["ETH"] = 3000m };
    private AccountSnapshot _truth;
    private long _nextId;

    internal SimAccount(SimAccountConfig config, int seed)
    {
        Config = config;
        _random = new Random(seed);
        _nextId = 1_000_000_000_000_000L + (seed & 0xFFFF) * 1_000_000L;
        _truth = new AccountSnapshot(config.Id, 0, 10_000m, 0m,
            ImmutableSortedDictionary<long, SimPosition>.Empty,
            ImmutableSortedDictionary<long, SimOrder>.Empty,
            ImmutableSortedDictionary<long, SimTriggerOrder>.Empty);
    }

    /// <summary>Raised after each change, under the account lock, in truth order.</summary>
    public event Action<SimChange>? Changed;

    /// <summary>The account's configuration.</summary>
    public SimAccountConfig Config { get; }

    /// <summary>The current ground truth.</summary>
    public AccountSnapshot Truth { get { lock (_gate) { return _truth; } } }

    /// <summary>When true, <see cref="Step"/> does nothing (the pause-activity fault).</summary>
    public bool Paused { get; set; }

    /// <summary>Current mark price of an instrument.</summary>
    public decimal MarkPrice(string instrument) { lock (_gate) { return _prices[instrument]; } }

    /// <summary>Applies one deterministic activity step and returns the changes it produced.</summary>
    public IReadOnlyList<SimChange> Step()
    {
        var changes = new List<SimChange>();
        lock (_gate)
        {
            if (Paused) return changes;
            foreach (var key in _prices.Keys.ToArray())
                _prices[key] = Math.Round(_prices[key] * (1m + (_random.Next(-10, 11) / 10_000m)), 1);
            Act(changes);
            _truth = _truth with { Step = _truth.Step + 1 };
            foreach (var change in changes) Changed?.Invoke(change);
        }
        return changes;
    }

    private void Act(List<SimChange> changes)
    {
        var t = _truth;
        int roll = _random.Next(100);
        if (roll < 30 && t.Orders.Count > 0) { Fill(Pick(t.Orders), changes); return; }
        if (roll < 40 && t.Orders.Count > 0) { Cancel(Pick(t.Orders), changes); return; }
        if (roll < 52 && t.Positions.Count > 0) { Close(Pick(t.Positions), changes); return; }
        if (roll < 60 && t.TriggerOrders.Count < 3) { PlaceTrigger(changes); return; }
        if (roll < 66 && t.TriggerOrders.Count > 0)
        {
            var trig = Pick(t.TriggerOrders);
            _truth = t with { TriggerOrders = t.TriggerOrders.Remove(trig.Id) };
            changes.Add(new SimChange(SimChangeKind.TriggerCancelled, _truth, Trigger: trig));
            return;
        }
        if (t.Orders.Count < 5) Place(changes);
    }

    private T Pick<T>(ImmutableSortedDictionary<long, T> map) => map.Values.ElementAt(_random.Next(map.Count));

    private string PickInstrument() => _random.Next(2) == 0 ? "BTC" : "ETH";

    private static decimal MarginOf(int pieces, decimal price) => Math.Round(pieces * price * ContractSize, 4);

    private void Place(List<SimChange> changes)
    {
        var instrument = PickInstrument();
        int pieces = _random.Next(1, 6);
        var price = Math.Round(_prices[instrument] * (1m + _random.Next(-20, 21) / 10_000m), 1);
        var cost = MarginOf(pieces, price);
        if (cost > _truth.Available) return;
        var order = new SimOrder(++_nextId, instrument, _random.Next(2) == 0, pieces, 0, price);
        _truth = _truth with
        {
            Available = _truth.Available - cost, Frozen = _truth.Frozen + cost, Orders = _truth.Orders.Add(order.Id, order),
        };
        changes.Add(new SimChange(SimChangeKind.OrderPlaced, _truth, Order: order));
    }

    private void Cancel(SimOrder order, List<SimChange> changes)
    {
        var cost = MarginOf(order.Pieces - order.FilledPieces, order.Price);
        _truth = _truth with
        {
            Available = _truth.Available + cost, Frozen = _truth.Frozen - cost, Orders = _truth.Orders.Remove(order.Id),
        };
        changes.Add(new SimChange(SimChangeKind.OrderCancelled, _truth, Order: order));
    }

    private void Fill(SimOrder order, List<SimChange> changes)
    {
        int qty = _random.Next(1, order.Pieces - order.FilledPieces + 1);
        var filled = order with { FilledPieces = order.FilledPieces + qty };
        var moved = MarginOf(qty, order.Price);
        bool done = filled.FilledPieces == filled.Pieces;
        _truth = _truth with
        {
            Frozen = _truth.Frozen - moved,
            Orders = done ? _truth.Orders.Remove(order.Id) : _truth.Orders.SetItem(order.Id, filled),
        };
        changes.Add(new SimChange(done ? SimChangeKind.OrderFilled : SimChangeKind.OrderPartFilled, _truth, Order: filled));

        var existing = _truth.Positions.Values.FirstOrDefault(p => p.Instrument == order.Instrument && p.Long == order.Long);
        if (existing is null)
        {
            var opened = new SimPosition(++_nextId, order.Instrument, order.Long, qty, order.Price, moved);
            _truth = _truth with { Positions = _truth.Positions.Add(opened.Id, opened) };
            changes.Add(new SimChange(SimChangeKind.PositionOpened, _truth, Position: opened));
            return;
        }
        int total = existing.Pieces + qty;
        var avg = Math.Round((existing.OpenPrice * existing.Pieces + order.Price * qty) / total, 1);
        var changed = existing with { Pieces = total, OpenPrice = avg, Margin = existing.Margin + moved };
        _truth = _truth with { Positions = _truth.Positions.SetItem(changed.Id, changed) };
        changes.Add(new SimChange(SimChangeKind.PositionChanged, _truth, Position: changed));
    }

    private void Close(SimPosition position, List<SimChange> changes)
    {
        var mark = _prices[position.Instrument];
        var pnl = Math.Round((mark - position.OpenPrice) * position.Pieces * ContractSize * (position.Long ? 1 : -1), 4);
        var returned = Math.Max(0m, position.Margin + pnl);
        _truth = _truth with { Available = _truth.Available + returned, Positions = _truth.Positions.Remove(position.Id) };
        changes.Add(new SimChange(SimChangeKind.PositionClosed, _truth, Position: position));
    }

    private void PlaceTrigger(List<SimChange> changes)
    {
        var instrument = PickInstrument();
        var trig = new SimTriggerOrder(++_nextId, instrument, _random.Next(2) == 0, _random.Next(1, 4),
            Math.Round(_prices[instrument] * (1m + _random.Next(-500, 501) / 10_000m), 1));
        _truth = _truth with { TriggerOrders = _truth.TriggerOrders.Add(trig.Id, trig) };
        changes.Add(new SimChange(SimChangeKind.TriggerPlaced, _truth, Trigger: trig));
    }
}
