namespace Supervisor.Actors.Cluster;

/// <summary>Asks a member's <see cref="JoinCheck"/> for its <see cref="JoinInfo"/>.</summary>
public sealed record GetJoinInfo;
