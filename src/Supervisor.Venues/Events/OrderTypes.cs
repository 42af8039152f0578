namespace Supervisor.Venues.Events;

/// <summary>
/// The normalized names of order types (<see cref="OrderChanged.OrderType"/>) and trigger kinds
/// (<see cref="TriggerOrderChanged.TriggerKind"/>). A code a venue sends that is not listed here is kept as sent
/// (e.g. ChainUP <c>type</c> 8 stays <c>"8"</c>), so a new venue code loses nothing and stays visible.
/// </summary>
public static class OrderTypes
{
    /// <summary>CoinW <c>plan</c>, ChainUP 1.</summary>
    public const string Limit = "limit";

    /// <summary>CoinW <c>execute</c>, ChainUP 2.</summary>
    public const string Market = "market";

    /// <summary>ChainUP 3: immediate or cancel.</summary>
    public const string ImmediateOrCancel = "ioc";

    /// <summary>ChainUP 4: fill or kill.</summary>
    public const string FillOrKill = "fok";

    /// <summary>ChainUP 5.</summary>
    public const string PostOnly = "post-only";

    /// <summary>ChainUP 6: the venue reduced the position (liquidation).</summary>
    public const string ForcedReduction = "forced-reduction";

    /// <summary>ChainUP 7.</summary>
    public const string PositionConsolidation = "position-consolidation";

    /// <summary>ChainUP 9.</summary>
    public const string SystemClose = "system-close";

    /// <summary>ChainUP 10.</summary>
    public const string SystemDelivery = "system-delivery";

    /// <summary>CoinW <c>planTrigger</c>.</summary>
    public const string Trigger = "trigger";

    /// <summary>CoinW <c>moveStopProfitLoss</c>.</summary>
    public const string TrailingStop = "trailing-stop";

    /// <summary>ChainUP <c>triggerType</c> 1.</summary>
    public const string StopLoss = "stop-loss";

    /// <summary>ChainUP <c>triggerType</c> 2.</summary>
    public const string TakeProfit = "take-profit";

    /// <summary>ChainUP <c>triggerType</c> 3: fires when the price rises to the trigger.</summary>
    public const string RiseTo = "rise-to";

    /// <summary>ChainUP <c>triggerType</c> 4: fires when the price falls to the trigger.</summary>
    public const string FallTo = "fall-to";
}
