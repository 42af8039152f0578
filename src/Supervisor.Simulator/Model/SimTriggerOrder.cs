namespace Supervisor.Simulator.Model;

/// <summary>An open trigger (plan) order in the ground truth.</summary>
/// <param name="Id">Trigger order id.</param>
/// <param name="Instrument">Base currency.</param>
/// <param name="Long">True for buy/long.</param>
/// <param name="Pieces">Size in contracts.</param>
/// <param name="TriggerPrice">Price that fires it.</param>
public sealed record SimTriggerOrder(long Id, string Instrument, bool Long, int Pieces, decimal TriggerPrice);
