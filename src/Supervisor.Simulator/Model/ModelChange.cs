namespace Supervisor.Simulator.Model;

/// <summary>One change of an account's ground truth, for the sessions to push.</summary>
public abstract record ModelChange
{
    private ModelChange()
    {
    }

    /// <summary>An order was placed or changed; <paramref name="Terminal"/> is "finish" or "cancel" when it ended (a close is pushed once, already "finish").</summary>
    public sealed record OrderUpdated(TruthOrder Order, string? Terminal) : ModelChange;

    /// <summary>A trigger order was placed or ended; <paramref name="Terminal"/> is "cancel" or "triggered" when it ended.</summary>
    public sealed record TriggerOrderUpdated(TruthTriggerOrder Order, string? Terminal) : ModelChange;

    /// <summary>An order filled (partly or wholly; <paramref name="OrderDone"/> when nothing is left) or a position was closed; <paramref name="Position"/> is its state after the fill.</summary>
    public sealed record FillRecorded(TruthFill Fill, TruthPosition Position, bool OrderDone) : ModelChange;

    /// <summary>A position was opened or changed.</summary>
    public sealed record PositionUpdated(TruthPosition Position, bool Created) : ModelChange
    {
        /// <summary>The position before the change (null when created), so a venue that pushes only what changed can tell.</summary>
        public TruthPosition? Before { get; init; }
    }

    /// <summary>A position was closed.</summary>
    public sealed record PositionRemoved(TruthPosition Position) : ModelChange;

    /// <summary>The USDT balance changed.</summary>
    public sealed record BalanceUpdated(decimal Available, decimal Frozen, decimal Margin) : ModelChange
    {
        /// <summary>See <see cref="AccountTruth.AvailableMargin"/>.</summary>
        public decimal AvailableMargin { get; init; }

        /// <summary>See <see cref="AccountTruth.Transferable"/>.</summary>
        public decimal Transferable { get; init; }

        /// <summary>See <see cref="AccountTruth.CouponBalance"/>.</summary>
        public decimal CouponBalance { get; init; }
    }
}
