namespace Supervisor.Benchmarks.Actors;

/// <summary>The message bounced by <see cref="PingPongActor"/>: the round trips still to go.</summary>
internal sealed record Ball(int Remaining);
