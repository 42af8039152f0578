namespace Supervisor.Venues.Events;

/// <summary>The balance of one asset as the venue now reports it.</summary>
public sealed record AssetBalanceChanged(string Venue, string Asset, decimal Available, decimal Frozen, decimal Margin) : VenueEvent(Venue)
{
    /// <summary>Available plus frozen plus margin.</summary>
    public decimal Total => Available + Frozen + Margin;
}
