using Supervisor.Venues.Events;

namespace Supervisor.Simulator.Tests;

/// <summary>What a client would know after applying every decoded event in order: enough to compare with the truth.</summary>
internal sealed class DecodedState
{
    public Dictionary<string, AssetBalanceChanged> Balances { get; } = [];

    public Dictionary<string, PositionChanged> Positions { get; } = [];

    public Dictionary<string, OrderChanged> Orders { get; } = [];

    public Dictionary<string, TriggerOrderChanged> Triggers { get; } = [];

    public List<FillReceived> Fills { get; } = [];

    public void Apply(IEnumerable<VenueEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case AssetBalanceChanged a:
                    Balances[a.Asset] = a;
                    break;
                case PositionChanged p:
                    Positions[p.PositionId] = p;
                    break;
                case PositionClosed c:
                    Positions.Remove(c.PositionId);
                    break;
                case OrderChanged o when o.IsTerminal:
                    Orders.Remove(o.OrderId);
                    break;
                case OrderChanged o:
                    Orders[o.OrderId] = o;
                    break;
                case TriggerOrderChanged t when t.IsTerminal:
                    Triggers.Remove(t.OrderId);
                    break;
                case TriggerOrderChanged t:
                    Triggers[t.OrderId] = t;
                    break;
                case FillReceived f:
                    Fills.Add(f);
                    break;
            }
        }
    }
}
