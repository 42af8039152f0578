namespace Supervisor.Venues.ChainUp;

/// <summary>One entry of ADL_PRICE's <c>l</c>: a position's ADL rank and, when sent, its mark ("tag") price.</summary>
internal readonly record struct AdlItem(string PositionId, decimal Rank, decimal? Mark);
