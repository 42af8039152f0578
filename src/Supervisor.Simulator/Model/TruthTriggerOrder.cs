namespace Supervisor.Simulator.Model;

/// <summary>
/// A trigger (plan) order waiting for its price: when it fires it becomes an ordinary limit order at
/// <paramref name="Price"/>. Long triggers wait for the price to rise to <paramref name="TriggerPrice"/>, short ones for it to fall.
/// </summary>
public sealed record TruthTriggerOrder(string Id, string Instrument, bool Long, decimal TriggerPrice, decimal Price, decimal Quantity, DateTimeOffset CreatedAt);
