namespace Supervisor.Venues.Events;

/// <summary>Direction of a position or order.</summary>
public enum TradeSide
{
    /// <summary>Long / buy.</summary>
    Long,

    /// <summary>Short / sell.</summary>
    Short,
}

/// <summary>Lifecycle of an order.</summary>
public enum OrderStatus
{
    /// <summary>Accepted, nothing filled.</summary>
    New,

    /// <summary>Partly filled, still open.</summary>
    PartiallyFilled,

    /// <summary>Completely filled (terminal).</summary>
    Filled,

    /// <summary>Cancelled, possibly after partial fills (terminal).</summary>
    Cancelled,

    /// <summary>Rejected by the venue (terminal).</summary>
    Rejected,
}
