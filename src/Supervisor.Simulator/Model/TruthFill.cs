namespace Supervisor.Simulator.Model;

/// <summary>
/// One execution: an order filling into a position, or a position being closed (<paramref name="Closing"/>; the
/// close has its own order id). <paramref name="RealizedPnl"/> is zero on opening fills.
/// </summary>
public sealed record TruthFill(string Id, string OrderId, string PositionId, string Instrument, bool Long, decimal Price, decimal Quantity,
    decimal Fee, decimal RealizedPnl, bool Closing, DateTimeOffset At);
