namespace Supervisor.Simulator.CoinW;

/// <summary>The channel types CoinW knows (coinw.md §6): private ones need a login and no pairCode, public ones a pairCode.</summary>
internal static class CoinWChannels
{
    public static readonly IReadOnlySet<string> Private = new HashSet<string>(StringComparer.Ordinal) { "order", "position", "position_change", "assets", "assets_ag", "user_setting" };

    // Acked like the venue; only mark_price pushes data here, the rest stay silent as an unserved contract would.
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.Ordinal)
    {
        "ticker_swap", "depth", "fills", "candles_swap", "candles_swap_utc", "index_price", "mark_price", "funding_rate",
    };
}
