using Supervisor.Venues.Events;

namespace Supervisor.Venues.ChainUp;

/// <summary>
/// The position part (<c>d.p</c>) of an ACCOUNT_UPDATE as it came: an UPDATE carries only the fields that changed, so
/// every field but the id may be missing (null). Both readers fill it alike, so the codec merges their output the same.
/// </summary>
internal sealed record PositionFields(string Id)
{
    /// <summary><c>cn</c>.</summary>
    public string? Instrument { get; init; }

    /// <summary><c>s</c>, as sent (BUY / SELL).</summary>
    public string? Side { get; init; }

    /// <summary><c>pv</c>.</summary>
    public decimal? Quantity { get; init; }

    /// <summary><c>op</c>.</summary>
    public decimal? EntryPrice { get; init; }

    /// <summary><c>l</c>.</summary>
    public decimal? Leverage { get; init; }

    /// <summary><c>hm</c>.</summary>
    public decimal? Margin { get; init; }

    /// <summary><c>pt</c>, already checked to be 1 or 2 (see <see cref="TryMarginMode"/>).</summary>
    public MarginMode? MarginMode { get; init; }

    /// <summary><c>rp</c>.</summary>
    public decimal? LiquidationPrice { get; init; }

    /// <summary><c>ra</c>.</summary>
    public decimal? RealizedPnl { get; init; }

    /// <summary><c>mr</c>.</summary>
    public decimal? MarginRate { get; init; }

    /// <summary><c>oa</c>.</summary>
    public decimal? InitialMargin { get; init; }

    /// <summary><c>ccv</c>.</summary>
    public decimal? ClosableQuantity { get; init; }

    /// <summary>
    /// ChainUP's margin-mode code (<c>pt</c>, and REST <c>positionType</c>): 1 cross, 2 isolated. Any other value is a
    /// shape error rather than a guess, since valuing a position under the wrong mode misstates its risk.
    /// </summary>
    /// <remarks>A code that is not sent is fine: <paramref name="mode"/> is then null.</remarks>
    public static bool TryMarginMode(decimal? code, out MarginMode? mode)
    {
        mode = code switch
        {
            1m => Events.MarginMode.Cross,
            2m => Events.MarginMode.Isolated,
            _ => null,
        };
        return code is null || mode is not null;
    }

    /// <summary>The field set as a patch, to merge into a known position or to hand on when the position is unknown.</summary>
    public PositionPatched ToPatch(string venue, TradeSide? side) => new(venue, Id, side, Quantity, EntryPrice, Leverage, Margin)
    {
        MarginMode = MarginMode,
        LiquidationPrice = LiquidationPrice,
        RealizedPnl = RealizedPnl,
        InitialMargin = InitialMargin,
        MarginRate = MarginRate,
        ClosableQuantity = ClosableQuantity,
    };
}
