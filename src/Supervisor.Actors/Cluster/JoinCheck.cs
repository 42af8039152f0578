using Akka.Actor;
using Akka.Cluster;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// <c>/user/join-check</c> on every member: answers a joining node's <see cref="GetJoinInfo"/> with this member's
/// journal, shard count and reachable members, so that <see cref="ClusterAdmission"/> can refuse to join a cluster
/// whose settings disagree with the node's before it hosts a single account.
/// </summary>
public sealed class JoinCheck : ReceiveActor
{
    /// <summary>Its name under <c>/user</c>; other nodes address it by path.</summary>
    public const string ActorName = "join-check";

    /// <summary>Answers with <paramref name="journalIdentity"/>, <paramref name="journal"/> and <paramref name="shards"/>.</summary>
    public JoinCheck(string journalIdentity, string journal, int shards)
    {
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        Receive<GetJoinInfo>(_ =>
        {
            var state = cluster.State;
            var reachable = state.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Joining or MemberStatus.WeaklyUp && !state.Unreachable.Contains(m))
                .Select(m => m.Address.ToString()).ToList();
            Sender.Tell(new JoinInfo(journalIdentity, journal, shards, reachable), Self);
        });
    }

    /// <summary>Props for the check.</summary>
    public static Props Props(string journalIdentity, string journal, int shards) =>
        Akka.Actor.Props.Create(() => new JoinCheck(journalIdentity, journal, shards));
}
