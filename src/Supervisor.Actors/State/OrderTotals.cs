namespace Supervisor.Actors.State;

/// <summary>An order's cumulative fee and realized profit as last pushed.</summary>
public sealed record OrderTotals(string OrderId, decimal Fee, decimal RealizedPnl);
