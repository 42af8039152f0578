namespace Supervisor.Simulator.Model;

/// <summary>One instrument's mark: starts at the reference price and moves at most ±0.05 % a step, so marks wander, never jump.</summary>
internal sealed class MarkPriceWalk(Instrument instrument, Random random)
{
    public Instrument Instrument => instrument;

    public decimal Price { get; private set; } = instrument.ReferencePrice;

    public void Step() => Price = instrument.Round(Price * (1m + ((decimal)random.NextDouble() - 0.5m) * 0.001m));
}
