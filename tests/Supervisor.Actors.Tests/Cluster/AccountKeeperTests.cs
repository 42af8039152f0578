using Akka.Actor;
using Akka.Cluster.Sharding;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Tests.Connection;

namespace Supervisor.Actors.Tests.Cluster;

/// <summary>The singleton that keeps every registered account running: the only sender of StartEntity.</summary>
public sealed class AccountKeeperTests() : ActorSpec(VirtualTime())
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private static AccountDefinition Scripted(string id) => new(id, new ScriptedProtocol(new Uri("ws://127.0.0.1:1/")));

    [Fact]
    public void Every_registered_account_is_started_once_at_start_and_once_a_round_after()
    {
        var region = CreateTestProbe();
        var registry = new AccountRegistry([Scripted("a1"), Scripted("a2")]);
        Sys.ActorOf(AccountKeeper.Props(registry, region.Ref, Interval));

        var first = new[] { region.ExpectMsg<ShardRegion.StartEntity>().EntityId, region.ExpectMsg<ShardRegion.StartEntity>().EntityId };
        Assert.Equal(["scripted|a1", "scripted|a2"], first.Order());
        Scheduler.Advance(Interval - TimeSpan.FromSeconds(1));
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        registry.Add(Scripted("a3"));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        var round = Enumerable.Range(0, 3).Select(_ => region.ExpectMsg<ShardRegion.StartEntity>().EntityId).Order();
        Assert.Equal(["scripted|a1", "scripted|a2", "scripted|a3"], round);
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void An_account_just_added_is_started_at_once_and_the_shards_acknowledgements_are_ignored()
    {
        var region = CreateTestProbe();
        var keeper = Sys.ActorOf(AccountKeeper.Props(new AccountRegistry([]), region.Ref, Interval));

        keeper.Tell(new KeepAccount("scripted|a9"));

        Assert.Equal("scripted|a9", region.ExpectMsg<ShardRegion.StartEntity>().EntityId);
        keeper.Tell("an acknowledgement of a type Akka keeps to itself");
        keeper.Tell(new KeepAccount("scripted|a9"));
        Assert.Equal("scripted|a9", region.ExpectMsg<ShardRegion.StartEntity>().EntityId);
    }
}
