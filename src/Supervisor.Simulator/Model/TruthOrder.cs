namespace Supervisor.Simulator.Model;

/// <summary>
/// An order in the simulator's own terms. Placed orders are limit orders that rest until filled or cancelled; a close
/// is a market order (<see cref="Closing"/>) that is born filled and never rests. Fills execute at <see cref="Price"/>.
/// </summary>
public sealed record TruthOrder(string Id, string Instrument, bool Long, decimal Price, decimal Quantity, decimal Filled)
{
    /// <summary><see cref="Terms.Limit"/> for placed orders, <see cref="Terms.Market"/> for closes.</summary>
    public string Type { get; init; } = Terms.Limit;

    /// <summary>Where the order stands; an open order is new or partially filled.</summary>
    public TruthOrderStatus Status { get; init; } = TruthOrderStatus.New;

    /// <summary>The order closes a position (whole); <see cref="Long"/> is then the side of the position it closes.</summary>
    public bool Closing { get; init; }

    public decimal Leverage { get; init; } = Terms.Leverage;

    /// <summary>Always <see cref="Terms.Isolated"/>.</summary>
    public string MarginMode { get; init; } = Terms.Isolated;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the order last changed (placed, filled, cancelled).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Sum of the fees of the order's fills so far.</summary>
    public decimal Fee { get; init; }

    /// <summary>Sum of the realized PnL of the order's fills (gross of fees); non-zero only for closes.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>Margin of what the order filled: the sum of its opening fills' margins, or the margin of the position a close released.</summary>
    public decimal PositionMargin { get; init; }

    /// <summary>Contracts not filled yet.</summary>
    public decimal Remaining => Quantity - Filled;

    /// <summary>The price once anything filled (fills execute at the order price), else 0.</summary>
    public decimal AveragePrice => Filled > 0 ? Price : 0m;

    /// <summary>Margin the unfilled part holds (what the balance has frozen for it).</summary>
    public decimal Margin => Terms.MarginOf(Price, Remaining);

    /// <summary>The fee the unfilled part would cost at <see cref="Terms.FeeRate"/> (not frozen in the balance).</summary>
    public decimal FrozenFee => Terms.FeeOf(Price, Remaining);

    /// <summary>The size in the base currency.</summary>
    public decimal BaseQuantity => Quantity * Terms.ContractSize;
}
