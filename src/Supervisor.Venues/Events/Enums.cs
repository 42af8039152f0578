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

/// <summary>How a position's margin is held (CoinW <c>positionModel</c> 0 / 1, ChainUP <c>pt</c> 2 / 1).</summary>
public enum MarginMode
{
    /// <summary>Each position has its own margin.</summary>
    Isolated,

    /// <summary>Positions share the account's balance as margin.</summary>
    Cross,
}

/// <summary>How CoinW shows positions of one contract and side (<c>user_setting.layout</c> 0 / 1).</summary>
public enum PositionLayout
{
    /// <summary>One position per contract and side.</summary>
    Merged,

    /// <summary>Every opening order keeps its own position.</summary>
    Split,
}

/// <summary>Whether a fill took liquidity from the book or added it (CoinW <c>takerMaker</c> 1 / 2).</summary>
public enum Liquidity
{
    /// <summary>Took liquidity.</summary>
    Taker,

    /// <summary>Added liquidity.</summary>
    Maker,
}
