namespace Supervisor.Simulator.CoinW;

/// <summary>The CoinW REST paths the simulator serves (coinw.md §9.2).</summary>
internal static class CoinWRestPaths
{
    public const string Assets = "/v1/perpum/account/getUserAssets";
    public const string Positions = "/v1/perpum/positions/all";
    public const string OpenOrders = "/v1/perpum/order";
}
