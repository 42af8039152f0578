using Supervisor.Actors.Cluster;

namespace Supervisor.Cluster.Tests;

/// <summary>What keeps a node out of a cluster whose settings disagree with its own, before it hosts any account.</summary>
public sealed class ClusterAdmissionTests
{
    private const string Self = "akka.tcp://supervisor@10.0.0.3:4053";
    private const string Seed = "akka.tcp://supervisor@10.0.0.1:4053";
    private static readonly ClusterSettings Settings = new(true, "0.0.0.0", 4053, "10.0.0.3", [Seed], [ClusterSettings.AccountsRole], 100);
    private static readonly JoinInfo Mine = new("postgresql:7714556169798137878/supervisor", "postgresql db:5432/supervisor", 100, []);

    [Fact]
    public void A_cluster_on_the_same_journal_and_shards_without_this_address_is_joined()
    {
        var cluster = Mine with { Journal = "postgresql 10.0.0.9:5432/supervisor", ReachableMembers = [Seed, "akka.tcp://supervisor@10.0.0.2:4053"] };

        Assert.Null(ClusterAdmission.Disagreement(Settings, Mine, cluster, Seed, Self));
    }

    [Fact]
    public void Another_journal_database_is_refused_naming_both_and_the_setting()
    {
        var cluster = Mine with { JournalIdentity = "postgresql:1234/supervisor", Journal = "postgresql other:5432/supervisor" };

        var problem = ClusterAdmission.Disagreement(Settings, Mine, cluster, Seed, Self);

        Assert.NotNull(problem);
        Assert.StartsWith("supervisor.persistence:", problem, StringComparison.Ordinal);
        Assert.Contains("postgresql db:5432/supervisor", problem, StringComparison.Ordinal);
        Assert.Contains("postgresql other:5432/supervisor", problem, StringComparison.Ordinal);
        Assert.Contains(Seed, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_shard_count_is_refused()
    {
        var problem = ClusterAdmission.Disagreement(Settings, Mine, Mine with { Shards = 50 }, Seed, Self);

        Assert.NotNull(problem);
        Assert.StartsWith("supervisor.cluster.shards: this node has 100, the cluster 50", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_a_live_member_already_has_is_refused()
    {
        var problem = ClusterAdmission.Disagreement(Settings, Mine, Mine with { ReachableMembers = [Seed, Self] }, Seed, Self);

        Assert.NotNull(problem);
        Assert.StartsWith("supervisor.cluster.public-hostname and port:", problem, StringComparison.Ordinal);
        Assert.Contains(Self, problem, StringComparison.Ordinal);
    }
}
