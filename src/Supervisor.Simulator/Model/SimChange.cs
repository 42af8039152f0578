namespace Supervisor.Simulator.Model;

/// <summary>One state change a venue reports with a push; sessions format it per protocol.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="After">Account state after the change.</param>
/// <param name="Order">Order concerned (state after the change), for order kinds.</param>
/// <param name="Position">Position concerned (after the change; before it for a close).</param>
/// <param name="Trigger">Trigger order concerned, for trigger kinds.</param>
public sealed record SimChange(
    SimChangeKind Kind, AccountSnapshot After, SimOrder? Order = null, SimPosition? Position = null, SimTriggerOrder? Trigger = null);
