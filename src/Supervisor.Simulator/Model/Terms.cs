namespace Supervisor.Simulator.Model;

/// <summary>
/// The words and rates the truth uses, in one place so the frames and the truth cannot drift apart. Venue codes
/// (CoinW <c>positionModel</c> 0, ChainUP <c>pt</c> 2, …) are the frames' business; the truth keeps the plain words.
/// </summary>
public static class Terms
{
    /// <summary>Contracts are 0.001 of the base currency; margins and PnL are computed on that size.</summary>
    public const decimal ContractSize = 0.001m;

    /// <summary>Every order and position trades at this leverage.</summary>
    public const decimal Leverage = 10m;

    /// <summary>The rate every fill is charged (maker or taker: the generator does not tell them apart when charging).</summary>
    public const decimal FeeRate = 0.0006m;

    /// <summary>The maker rate the order pushes state (CoinW <c>makerFee</c>).</summary>
    public const decimal MakerFeeRate = 0.0002m;

    /// <summary>The taker rate the order pushes state (CoinW <c>takerFee</c>).</summary>
    public const decimal TakerFeeRate = 0.0006m;

    /// <summary>Margin mode of every account, order and position.</summary>
    public const string Isolated = "isolated";

    /// <summary>Position layout of every account: one position per contract and side.</summary>
    public const string Merged = "merged";

    /// <summary>Order type of placed orders (and of fired triggers' orders).</summary>
    public const string Limit = "limit";

    /// <summary>Order type of closing orders.</summary>
    public const string Market = "market";

    /// <summary>Where every order comes from (CoinW <c>source</c>).</summary>
    public const string Source = "api";

    /// <summary>Who closes positions (CoinW <c>liquidateBy</c>): never the venue, the generator does not liquidate.</summary>
    public const string ClosedBy = "manual";

    /// <summary>The fee of an execution: <see cref="FeeRate"/> on the notional, to 6 decimals.</summary>
    public static decimal FeeOf(decimal price, decimal quantity) => Math.Round(price * quantity * ContractSize * FeeRate, 6);

    /// <summary>The margin <paramref name="quantity"/> contracts at <paramref name="price"/> hold, to 4 decimals.</summary>
    public static decimal MarginOf(decimal price, decimal quantity) => Math.Round(price * quantity * ContractSize, 4);
}
