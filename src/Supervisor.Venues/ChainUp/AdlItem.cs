namespace Supervisor.Venues.ChainUp;

/// <summary>
/// One entry of ADL_PRICE's <c>l</c> as both readers produce it: the position (<c>id</c>), its ADL rank (<c>al</c>,
/// already checked to be a whole number from 1 up, see <see cref="TryRank"/>) and the optional risk and market
/// figures <c>rp</c>, <c>ha</c>, <c>mr</c>, <c>bo</c>, <c>so</c>, <c>lt</c>, <c>tp</c>.
/// </summary>
internal readonly record struct AdlItem(
    string PositionId,
    int Rank,
    decimal? LiquidationPrice,
    decimal? PositionMargin,
    decimal? MarginRate,
    decimal? BestBid,
    decimal? BestAsk,
    decimal? LastPrice,
    decimal? MarkPrice)
{
    /// <summary>A rank is a position in the deleveraging queue: a fraction, zero or a negative number means the frame is not what we think it is.</summary>
    public static bool TryRank(decimal al, out int rank)
    {
        var whole = al >= 1m && al <= int.MaxValue && decimal.Truncate(al) == al;
        rank = whole ? (int)al : 0;
        return whole;
    }
}
