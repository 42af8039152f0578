namespace Supervisor.Venues.Events;

/// <summary>The account's margin mode and position layout changed (CoinW <c>user_setting</c>: <c>positionModel</c>, <c>layout</c>).</summary>
public sealed record MarginSettingsChanged(string Venue, MarginMode MarginMode, PositionLayout Layout) : VenueEvent(Venue);
