namespace Supervisor.Venues.ChainUp;

/// <summary>
/// One entry of ADL_PRICE's <c>l</c> as both readers produce it: the position (<c>id</c>), its ADL rank (<c>al</c>,
/// already checked to be a whole number from 0 up, see <see cref="TryRank"/>) and the optional risk and market
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
    /// <summary>
    /// A rank is a place in the deleveraging queue: a fraction or a negative number means the frame is not what we think
    /// it is. Zero is accepted: the 1–5 range is only inferred from the venue's app, which lights no segment for 0, and
    /// refusing it would drop every ADL frame of a tenant that sends it for "not ranked".
    /// </summary>
    public static bool TryRank(decimal al, out int rank)
    {
        var whole = al >= 0m && al <= int.MaxValue && decimal.Truncate(al) == al;
        rank = whole ? (int)al : 0;
        return whole;
    }
}
