namespace Supervisor.Simulator;

/// <summary>Venue whose protocol an account speaks.</summary>
public enum SimVenue
{
    /// <summary>CoinW USDT-M futures (<c>/perpum</c>).</summary>
    CoinW,

    /// <summary>ChainUP white-label futures (<c>/position_order/ws</c>).</summary>
    ChainUp,
}
