namespace Supervisor.Simulator.Model;

/// <summary>
/// One execution: an order filling into a position, or a closing order closing one (<paramref name="Closing"/>).
/// <paramref name="RealizedPnl"/> is zero on opening fills and gross of fees on closes.
/// </summary>
public sealed record TruthFill(string Id, string OrderId, string PositionId, string Instrument, bool Long, decimal Price, decimal Quantity,
    decimal Fee, decimal RealizedPnl, bool Closing, DateTimeOffset At)
{
    /// <summary>The rate <see cref="Fee"/> was charged at.</summary>
    public decimal FeeRate { get; init; } = Terms.FeeRate;

    /// <summary>Limit fills rest on the book (maker); closes are market orders (taker).</summary>
    public bool Maker => !Closing;
}
