using Akka.Actor;
using Akka.Cluster;

namespace Supervisor.Host.Status;

/// <summary>The prefix of a cluster node's summary line: which node, how many members it sees up, how many accounts it holds.</summary>
internal sealed class NodeSummary(ActorSystem system)
{
    private readonly Cluster _cluster = Cluster.Get(system);

    public string Describe(int accountsHere)
    {
        var state = _cluster.State;
        var up = state.Members.Count(m => m.Status == MemberStatus.Up);
        var unreachable = state.Unreachable.Count;
        var self = _cluster.SelfAddress;
        return $"node {self.Host}:{self.Port} ({_cluster.SelfMember.Status}, {up} members up{(unreachable > 0 ? $", {unreachable} unreachable" : "")}) holds {accountsHere}";
    }
}
