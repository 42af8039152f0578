namespace Supervisor.Simulator.Model;

/// <summary>The ground truth of one account at one moment.</summary>
public sealed record AccountTruth(string AccountId, string Venue, decimal Available, decimal Frozen, decimal Margin,
    IReadOnlyList<TruthPosition> Positions, IReadOnlyList<TruthOrder> OpenOrders, long Changes)
{
    /// <summary>Trigger (plan) orders waiting for their price, by id.</summary>
    public IReadOnlyList<TruthTriggerOrder> TriggerOrders { get; init; } = [];

    /// <summary>How many fills the account has had since the simulator started.</summary>
    public long Fills { get; init; }

    /// <summary>The last fills (at most <see cref="AccountModel.RememberedFills"/>), oldest first.</summary>
    public IReadOnlyList<TruthFill> RecentFills { get; init; } = [];

    /// <summary>
    /// The last orders that ended (at most <see cref="AccountModel.RememberedEndedOrders"/>), oldest first, each as it
    /// ended: filled, cancelled, or a close (which is born filled and never among <see cref="OpenOrders"/>).
    /// </summary>
    public IReadOnlyList<TruthOrder> RecentEndedOrders { get; init; } = [];

    /// <summary>Sum of the fees of every fill since the start (opening and closing).</summary>
    public decimal FeesPaid { get; init; }

    /// <summary>Sum of the realized PnL of every fill since the start, gross of fees (only closes realize any).</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>What can be transferred out: equal to <see cref="Available"/>.</summary>
    public decimal Transferable { get; init; }

    /// <summary>What can still be used as margin: equal to <see cref="Available"/>.</summary>
    public decimal AvailableMargin { get; init; }

    /// <summary>Trading-coupon balance (CoinW <c>almightyGold</c>): the generator issues none.</summary>
    public decimal CouponBalance { get; init; }

    /// <summary><see cref="Terms.Isolated"/>: the settings never change.</summary>
    public string MarginMode { get; init; } = Terms.Isolated;

    /// <summary><see cref="Terms.Merged"/>: the settings never change.</summary>
    public string PositionLayout { get; init; } = Terms.Merged;

    /// <summary>The venue's numeric user id of the account (CoinW <c>userId</c>); ChainUP frames keep their fixed <c>uid</c>.</summary>
    public long UserId { get; init; }
}
