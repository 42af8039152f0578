namespace Supervisor.Simulator.Model;

/// <summary>
/// A position in the simulator's own terms. Positions grow by fills and close whole, so <see cref="RealizedPnl"/> is
/// zero while open; the record a close reports (<see cref="ModelChange.PositionRemoved"/>) carries the close's PnL
/// and fee.
/// </summary>
public sealed record TruthPosition(string Id, string Instrument, bool Long, decimal Quantity, decimal EntryPrice, decimal Leverage, decimal Margin)
{
    /// <summary>Sum of the fees of the position's fills (the close's included on the removed record).</summary>
    public decimal Fee { get; init; }

    /// <summary>Realized PnL (gross of fees): zero while open.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>Funding settled: the generator charges none.</summary>
    public decimal FundingFee { get; init; }

    /// <summary>Always <see cref="Terms.Isolated"/>.</summary>
    public string MarginMode { get; init; } = Terms.Isolated;

    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>When a fill last changed the position (or it closed).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>An isolated estimate: the price at which a whole margin of 1/leverage of the entry is lost.</summary>
    public decimal LiquidationPrice => Math.Round(EntryPrice * (Long ? 1m - 1m / Leverage : 1m + 1m / Leverage), 4);

    /// <summary>Margin over notional at the entry price, to 8 decimals.</summary>
    public decimal MarginRate => Math.Round(Margin / (Quantity * EntryPrice * Terms.ContractSize), 8);

    /// <summary>The size in the base currency.</summary>
    public decimal BaseQuantity => Quantity * Terms.ContractSize;

    /// <summary>Contracts that can be closed now: all of them (nothing is pending close).</summary>
    public decimal ClosableQuantity => Quantity;

    /// <summary>The PnL of closing the whole position at <paramref name="price"/>, to 4 decimals (gross of fees).</summary>
    public decimal PnlAt(decimal price) => Math.Round((price - EntryPrice) * Quantity * Terms.ContractSize * (Long ? 1 : -1), 4);
}
