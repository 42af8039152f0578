namespace Supervisor.Venues.Events;

/// <summary>
/// The balance of one asset as the venue now reports it (the whole record: a field the venue does not send is null).
/// CoinW <c>assets</c>: <c>available</c>, <c>freeze</c>, <c>margin</c>, <c>hold</c>, <c>availableMargin</c>,
/// <c>transferAvailable</c>, <c>profitUnreal</c>, <c>almightyGold</c>. ChainUP <c>ACCOUNT_UPDATE.a[]</c>:
/// <c>an</c>, <c>la</c>, <c>pn</c> (the isolated-margin balance).
/// </summary>
public sealed record AssetBalanceChanged(string Venue, string Asset, decimal Available, decimal Frozen, decimal Margin) : VenueEvent(Venue)
{
    /// <summary>Held for open orders apart from <see cref="Frozen"/> (CoinW <c>hold</c>).</summary>
    public decimal? Hold { get; init; }

    /// <summary>What can still be used as margin (CoinW <c>availableMargin</c>).</summary>
    public decimal? AvailableMargin { get; init; }

    /// <summary>What can be transferred out of the futures account now (CoinW <c>transferAvailable</c>).</summary>
    public decimal? Transferable { get; init; }

    /// <summary>Unrealized profit of the open positions as the venue values them (CoinW <c>profitUnreal</c>).</summary>
    public decimal? UnrealizedPnl { get; init; }

    /// <summary>Trading-coupon ("mega coupon") balance (CoinW <c>almightyGold</c>).</summary>
    public decimal? CouponBalance { get; init; }

    /// <summary>Available plus frozen plus held plus margin.</summary>
    public decimal Total => Available + Frozen + (Hold ?? 0m) + Margin;

    /// <summary>
    /// This balance, with what it does not say taken from <paramref name="known"/> (a REST snapshot names fewer fields
    /// than the push) — only while available, frozen and margin are the same; once they moved, the other source's
    /// figures (what is transferable, say) are out of date and are dropped.
    /// </summary>
    public AssetBalanceChanged Over(AssetBalanceChanged known) =>
        Available != known.Available || Frozen != known.Frozen || Margin != known.Margin ? this : this with
    {
        Hold = Hold ?? known.Hold,
        AvailableMargin = AvailableMargin ?? known.AvailableMargin,
        Transferable = Transferable ?? known.Transferable,
        UnrealizedPnl = UnrealizedPnl ?? known.UnrealizedPnl,
        CouponBalance = CouponBalance ?? known.CouponBalance,
    };
}
