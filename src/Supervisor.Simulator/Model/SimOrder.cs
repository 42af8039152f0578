namespace Supervisor.Simulator.Model;

/// <summary>An open (limit) order in the ground truth.</summary>
/// <param name="Id">Order id.</param>
/// <param name="Instrument">Base currency.</param>
/// <param name="Long">True for buy/long.</param>
/// <param name="Pieces">Total size in contracts.</param>
/// <param name="FilledPieces">Filled contracts so far.</param>
/// <param name="Price">Limit price.</param>
public sealed record SimOrder(long Id, string Instrument, bool Long, int Pieces, int FilledPieces, decimal Price);
