namespace Supervisor.Actors.Cluster;

/// <summary>What a member tells a node that is about to join: the settings all members must share, and who is up.</summary>
/// <param name="JournalIdentity">The journal database's identity (<see cref="Hosting.JournalIdentity"/>).</param>
/// <param name="Journal">The journal as an operator recognises it (engine, host, database; no credentials).</param>
/// <param name="Shards">supervisor.cluster.shards of the member.</param>
/// <param name="ReachableMembers">Addresses of the members it sees and can reach.</param>
public sealed record JoinInfo(string JournalIdentity, string Journal, int Shards, IReadOnlyList<string> ReachableMembers);
