namespace Supervisor.Simulator.Model;

/// <summary>Kinds of ground-truth change.</summary>
public enum SimChangeKind
{
    /// <summary>A limit order was placed (balance frozen).</summary>
    OrderPlaced,
    /// <summary>An order was partly filled.</summary>
    OrderPartFilled,
    /// <summary>An order was completely filled and left the open list.</summary>
    OrderFilled,
    /// <summary>An order was cancelled.</summary>
    OrderCancelled,
    /// <summary>A position was opened.</summary>
    PositionOpened,
    /// <summary>A position changed size or price.</summary>
    PositionChanged,
    /// <summary>A position was closed.</summary>
    PositionClosed,
    /// <summary>A trigger order was placed.</summary>
    TriggerPlaced,
    /// <summary>A trigger order was cancelled.</summary>
    TriggerCancelled,
}
