using Akka.Cluster.Sharding;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.State;

namespace Supervisor.Cluster.Tests;

public sealed class AccountMessageExtractorTests
{
    private readonly AccountMessageExtractor _extractor = new(AccountMessageExtractor.DefaultMaxShards);

    [Fact]
    public void Entity_id_is_venue_and_account_from_the_envelope()
    {
        var envelope = AccountEnvelope.For("coinw", "sub-1", new GetAccountState());

        Assert.Equal("coinw|sub-1", _extractor.EntityId(envelope));
    }

    [Fact]
    public void The_entity_receives_the_envelopes_message_itself()
    {
        var query = new GetAccountState();

        Assert.Same(query, _extractor.EntityMessage(AccountEnvelope.For("coinw", "sub-1", query)));
    }

    [Fact]
    public void Shard_ids_are_pinned_because_remembered_shards_are_persisted_under_them()
    {
        // Values of the murmur hash as shipped: a change here would move persisted accounts to other shards.
        Assert.Equal(ShardOf(AccountEnvelope.For("coinw", "sub-1", "x")), ShardOf(new AccountMessageExtractor(100), AccountEnvelope.For("coinw", "sub-1", "y")));
        Assert.Equal(PinnedShard1, ShardOf(AccountEnvelope.For("coinw", "sub-1", "x")));
        Assert.Equal(PinnedShard2, ShardOf(AccountEnvelope.For("chainup", "sub-1", "x")));
    }

    [Fact]
    public void Shard_ids_stay_within_the_shard_count_and_spread_over_shards()
    {
        var shards = Enumerable.Range(0, 1000).Select(i => int.Parse(ShardOf(AccountEnvelope.For("coinw", $"sub-{i}", "x")), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.All(shards, shard => Assert.InRange(shard, 0, AccountMessageExtractor.DefaultMaxShards - 1));
        Assert.True(shards.Distinct().Count() > 90, $"1000 accounts used only {shards.Distinct().Count()} of 100 shards");
    }

    [Fact]
    public void StartEntity_goes_to_the_shard_of_the_entity_it_names()
    {
        // The region routes a StartEntity with ShardId(start.EntityId, start): the hint must not change the shard.
        var start = new ShardRegion.StartEntity("coinw|sub-7");

        Assert.Equal(ShardOf(AccountEnvelope.For("coinw", "sub-7", "x")), _extractor.ShardId(start.EntityId, start));
        Assert.Null(_extractor.EntityId(start));
    }

    [Fact]
    public void A_message_that_is_not_an_envelope_has_no_entity()
    {
        Assert.Null(_extractor.EntityId(new GetAccountState()));
        Assert.Null(_extractor.EntityId("coinw|sub-1"));
    }

    // As the region does: the entity id first, then the shard of that id with the message as hint.
    private string ShardOf(AccountEnvelope envelope) => ShardOf(_extractor, envelope);

    private static string ShardOf(AccountMessageExtractor extractor, AccountEnvelope envelope) =>
        extractor.ShardId(extractor.EntityId(envelope) ?? throw new InvalidOperationException("no entity id"), envelope);

    private const string PinnedShard1 = "49";
    private const string PinnedShard2 = "42";
}
