namespace Supervisor.Venues.Events;

/// <summary>A new mark price of an instrument (CoinW <c>mark_price</c>: <c>p</c>, <c>n</c>, and <c>t</c> as <see cref="At"/>).</summary>
public sealed record MarkPriceChanged(string Venue, string Instrument, decimal Price) : VenueEvent(Venue)
{
    /// <summary>The venue's time of the price (CoinW <c>t</c>, epoch ms), or null when it sends none.</summary>
    public DateTimeOffset? At { get; init; }
}
