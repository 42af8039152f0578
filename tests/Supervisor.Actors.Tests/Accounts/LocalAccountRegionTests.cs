using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.TestKit;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;

namespace Supervisor.Actors.Tests.Accounts;

/// <summary>
/// The single node's region, with entities that report to probes: what it routes where, and the parts of a shard
/// region's behaviour the account entities rely on (start on message or StartEntity, passivation, restart after a
/// stop by itself, the region state, graceful shutdown with the hand-off stop message).
/// </summary>
public sealed class LocalAccountRegionTests : ActorSpec
{
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(10);
    private readonly TestProbe _started;

    public LocalAccountRegionTests()
        : base(VirtualTime())
    {
        _started = CreateTestProbe();
    }

    private IActorRef Region() => Sys.ActorOf(LocalAccountRegion.Props(new AccountMessageExtractor(AccountMessageExtractor.DefaultMaxShards),
        id => Props.Create(() => new ReportingEntity(id, _started.Ref, TestActor)), StopAccount.Instance, Backoff), "account-region");

    private IActorRef StartedEntity(string id)
    {
        var started = _started.ExpectMsg<Started>();
        Assert.Equal(id, started.EntityId);
        return started.Entity;
    }

    // Entities start side by side, so their reports come in either order.
    private Dictionary<string, IActorRef> StartedEntities(int count) =>
        Enumerable.Range(0, count).Select(_ => _started.ExpectMsg<Started>()).ToDictionary(s => s.EntityId, s => s.Entity, StringComparer.Ordinal);

    // The region has handled an entity's stop once it no longer lists it (its restart timer, if any, is set by then).
    private void AwaitNoEntities(IActorRef region) =>
        AwaitAssert(() => Assert.Empty(region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(3)).GetAwaiter().GetResult().Shards),
            TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20));

    [Fact]
    public void An_envelope_starts_its_entity_under_an_escaped_name_and_the_entity_gets_the_message_from_its_sender()
    {
        var region = Region();
        region.Tell(AccountEnvelope.For("coinw", "a/1 $x", "hello"));
        var entity = StartedEntity("coinw|a/1 $x");
        Assert.Equal("coinw%7Ca%2F1%20%24x", entity.Path.Name);
        Assert.Equal(new Got("coinw|a/1 $x", "hello"), ExpectMsg<Got>());
        Assert.Equal(entity, LastSender);

        region.Tell(AccountEnvelope.For("coinw", "a/1 $x", "again"));
        Assert.Equal(new Got("coinw|a/1 $x", "again"), ExpectMsg<Got>());
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void StartEntity_starts_an_entity_once_and_the_region_state_lists_it_under_the_cluster_s_shard_id()
    {
        var region = Region();
        region.Tell(new ShardRegion.StartEntity("coinw|a1"));
        region.Tell(new ShardRegion.StartEntity("coinw|a1"));
        region.Tell(new ShardRegion.StartEntity("coinlocally|a1"));
        Assert.Equal(["coinlocally|a1", "coinw|a1"], StartedEntities(2).Keys.Order(StringComparer.Ordinal));
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        region.Tell(GetShardRegionState.Instance);
        var state = ExpectMsg<CurrentShardRegionState>();
        var extractor = new AccountMessageExtractor(AccountMessageExtractor.DefaultMaxShards);
        Assert.Equal(["coinlocally|a1", "coinw|a1"], state.Shards.SelectMany(s => s.EntityIds).Order(StringComparer.Ordinal));
        Assert.All(state.Shards, shard => Assert.All(shard.EntityIds, id => Assert.Equal(extractor.ShardId(id, null), shard.ShardId)));
        Assert.Empty(state.Failed);
    }

    [Fact]
    public void A_message_that_is_no_envelope_reaches_no_entity()
    {
        var region = Region();
        region.Tell("stray");
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        region.Tell(GetShardRegionState.Instance);
        Assert.Empty(ExpectMsg<CurrentShardRegionState>().Shards);
    }

    [Fact]
    public void A_passivated_entity_is_stopped_with_its_stop_message_and_not_started_again()
    {
        var region = Region();
        region.Tell(new ShardRegion.StartEntity("coinw|a1"));
        var entity = StartedEntity("coinw|a1");
        Watch(entity);
        entity.Tell(new AskToPassivate());
        ExpectMsg(new Got("coinw|a1", "stop-now"));
        ExpectTerminated(entity);
        AwaitNoEntities(region);

        Scheduler.Advance(Backoff * 2);
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void What_arrives_for_a_passivating_entity_is_held_and_starts_it_again_once_it_has_stopped()
    {
        var region = Region();
        region.Tell(new ShardRegion.StartEntity("coinw|a1"));
        var entity = StartedEntity("coinw|a1");
        entity.Tell(new AskToPassivate(slow: true));
        ExpectMsg(new Got("coinw|a1", "stop-now"));
        region.Tell(AccountEnvelope.For("coinw", "a1", "held"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        entity.Tell(PoisonPill.Instance);
        var again = StartedEntity("coinw|a1");
        Assert.NotEqual(entity, again);
        Assert.Equal(new Got("coinw|a1", "held"), ExpectMsg<Got>());
    }

    [Fact]
    public void An_entity_that_stops_by_itself_is_started_again_after_the_backoff_and_not_before()
    {
        var region = Region();
        region.Tell(new ShardRegion.StartEntity("coinw|a1"));
        var entity = StartedEntity("coinw|a1");
        Watch(entity);
        entity.Tell(PoisonPill.Instance);
        ExpectTerminated(entity);
        AwaitNoEntities(region);

        Scheduler.Advance(Backoff - TimeSpan.FromSeconds(1));
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        StartedEntity("coinw|a1");
    }

    [Fact]
    public void Graceful_shutdown_sends_every_entity_the_hand_off_stop_message_starts_nothing_new_and_stops_the_region_after_the_last()
    {
        var region = Region();
        region.Tell(new ShardRegion.StartEntity("coinw|a1"));
        region.Tell(new ShardRegion.StartEntity("coinw|a2"));
        var entities = StartedEntities(2);
        var (a1, a2) = (entities["coinw|a1"], entities["coinw|a2"]);
        Watch(region);

        region.Tell(GracefulShutdown.Instance);
        var stops = new[] { ExpectMsg<Got>(), ExpectMsg<Got>() };
        Assert.Equal(["coinw|a1", "coinw|a2"], stops.Select(g => g.EntityId).Order(StringComparer.Ordinal));
        Assert.All(stops, g => Assert.Equal(StopAccount.Instance, g.Message));

        region.Tell(new ShardRegion.StartEntity("coinw|a3"));
        region.Tell(AccountEnvelope.For("coinw", "a4", "late"));
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        // Still running entities get what is sent to them until they have stopped.
        region.Tell(AccountEnvelope.For("coinw", "a1", "last words"));
        Assert.Equal(new Got("coinw|a1", "last words"), ExpectMsg<Got>());

        a1.Tell(PoisonPill.Instance);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        a2.Tell(PoisonPill.Instance);
        ExpectTerminated(region);
    }

    private sealed record Started(string EntityId, IActorRef Entity);

    private sealed record Got(string EntityId, object Message);

    private sealed record AskToPassivate(bool slow = false);

    // Reports its start to one probe and everything it gets to the test; the stop message of a passivation is obeyed
    // unless the test asked for a slow stop (then the test stops it).
    private sealed class ReportingEntity : ReceiveActor
    {
        public ReportingEntity(string id, IActorRef started, IActorRef test)
        {
            started.Tell(new Started(id, Self));
            var slow = false;
            Receive<AskToPassivate>(ask =>
            {
                slow = ask.slow;
                Context.Parent.Tell(new Passivate("stop-now"));
            });
            Receive<string>(m => m == "stop-now", m =>
            {
                test.Tell(new Got(id, m));
                if (!slow)
                {
                    Context.Stop(Self);
                }
            });
            ReceiveAny(m => test.Tell(new Got(id, m)));
        }
    }
}
