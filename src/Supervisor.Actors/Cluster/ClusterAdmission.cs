using Akka.Actor;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// Joins this node to the cluster of its seed nodes only after the seeds that answer agree with it on what all members
/// must share: the journal (another database would fork every account's history), the shard count (accounts would
/// land on other shards), and its own address (a second node advertising an address in use would take the first one's
/// place). A node whose configuration disagrees never joins, so it never hosts an account.
/// </summary>
public static class ClusterAdmission
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Asks every other seed node for its <see cref="JoinInfo"/> and joins when none disagrees with
    /// <paramref name="self"/>; a seed that does not answer is skipped (it may not be up yet, or this node is the first).
    /// </summary>
    /// <returns>Null once joining, or the problem, naming the setting, that kept this node out.</returns>
    public static async Task<string?> JoinAsync(ActorSystem system, ClusterSettings settings, JoinInfo self, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(self);
        var selfAddress = Address.Parse(settings.SelfAddress).ToString();
        foreach (var seed in settings.SeedNodes.Where(s => s != selfAddress))
        {
            JoinInfo other;
            try
            {
                other = await system.ActorSelection($"{seed}/user/{JoinCheck.ActorName}").Ask<JoinInfo>(new GetJoinInfo(), AskTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                continue;
            }
            if (Disagreement(settings, self, other, seed, selfAddress) is { } problem)
            {
                return problem;
            }
        }
        Akka.Cluster.Cluster.Get(system).JoinSeedNodes(settings.SeedNodes.Select(Address.Parse));
        return null;
    }

    /// <summary>The first setting on which <paramref name="self"/> and the member at <paramref name="seed"/> disagree, or null.</summary>
    public static string? Disagreement(ClusterSettings settings, JoinInfo self, JoinInfo other, string seed, string selfAddress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(other);
        if (other.JournalIdentity != self.JournalIdentity)
        {
            return $"supervisor.persistence: this node's journal ({self.Journal}) is not the cluster's ({other.Journal}, as seed node {seed} has it); "
                + "every member must use the same database. Not joining.";
        }
        if (other.Shards != self.Shards)
        {
            return $"supervisor.cluster.shards: this node has {self.Shards}, the cluster {other.Shards} (seed node {seed}); every member must use the same. Not joining.";
        }
        if (other.ReachableMembers.Contains(selfAddress))
        {
            return $"supervisor.cluster.public-hostname and port: {selfAddress} is already a live member of the cluster (seed node {seed} reaches it); "
                + "another node runs with the same public-hostname and port. Not joining.";
        }
        return null;
    }
}
