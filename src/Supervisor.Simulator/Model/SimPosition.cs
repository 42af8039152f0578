namespace Supervisor.Simulator.Model;

/// <summary>An open position in the ground truth.</summary>
/// <param name="Id">Position id.</param>
/// <param name="Instrument">Base currency, e.g. <c>BTC</c>.</param>
/// <param name="Long">True for long, false for short.</param>
/// <param name="Pieces">Size in contracts.</param>
/// <param name="OpenPrice">Average entry price.</param>
/// <param name="Margin">Margin held by the position.</param>
public sealed record SimPosition(long Id, string Instrument, bool Long, int Pieces, decimal OpenPrice, decimal Margin);
