namespace Supervisor.Venues.Events;

/// <summary>
/// The take-profit and stop-loss attached to an order (ChainUP <c>otoOrder</c>; the venue spells it
/// <c>takerProfit…</c>). A price of 0 is the venue's way of saying "at market".
/// </summary>
public sealed record TakeProfitStopLoss(
    bool TakeProfitSet,
    decimal TakeProfitTrigger,
    decimal TakeProfitPrice,
    string? TakeProfitTriggerId,
    bool StopLossSet,
    decimal StopLossTrigger,
    decimal StopLossPrice,
    string? StopLossTriggerId);
