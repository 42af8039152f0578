namespace Supervisor.Simulator.Model;

/// <summary>A contract the simulator trades: its base currency, reference price and price tick.</summary>
public sealed record Instrument(string Base, decimal ReferencePrice, decimal Tick)
{
    /// <summary>Every contract, in the order the generator draws them.</summary>
    public static IReadOnlyList<Instrument> All { get; } =
    [
        new("BTC", 85_000m, 0.1m) { ContractId = 1 },
        new("ETH", 3_200m, 0.01m) { ContractId = 2 },
        new("SOL", 140m, 0.001m) { ContractId = 3 },
    ];

    /// <summary>ChainUP's numeric contract id (<c>cid</c>, <c>contractId</c>).</summary>
    public int ContractId { get; init; }

    /// <summary>ChainUP's contract alias (<c>con</c>), <c>BTCUSDT</c>.</summary>
    public string ContractAlias => $"{Base}USDT";

    /// <summary>The contract of a base currency (<c>BTC</c>); throws for one the simulator does not trade.</summary>
    public static Instrument Of(string name) => Find(name) ?? throw new ArgumentException($"no instrument '{name}'", nameof(name));

    /// <summary>ChainUP's contract name, <c>E-BTC-USDT</c>.</summary>
    public string ContractName => $"E-{Base}-USDT";

    /// <summary>ChainUP's public-socket symbol token, <c>e_btcusdt</c>.</summary>
    public string SymbolToken => $"e_{Base.ToLowerInvariant()}usdt";

    /// <summary>Finds a contract by base (<c>BTC</c>, <c>btc</c>), ChainUP contract name or symbol token; null when unknown.</summary>
    public static Instrument? Find(string name) => All.FirstOrDefault(i =>
        string.Equals(i.Base, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(i.ContractName, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(i.SymbolToken, name, StringComparison.Ordinal));

    /// <summary>Rounds a price to the tick.</summary>
    public decimal Round(decimal price) => Math.Round(price / Tick, MidpointRounding.ToEven) * Tick;
}
