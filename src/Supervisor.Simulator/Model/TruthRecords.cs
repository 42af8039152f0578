namespace Supervisor.Simulator.Model;

/// <summary>An open order in the simulator's own terms.</summary>
public sealed record TruthOrder(string Id, string Instrument, bool Long, decimal Price, decimal Quantity, decimal Filled);

/// <summary>An open position in the simulator's own terms.</summary>
public sealed record TruthPosition(string Id, string Instrument, bool Long, decimal Quantity, decimal EntryPrice, decimal Leverage, decimal Margin);

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
}
