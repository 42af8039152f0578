using Akka.Cluster.Sharding;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// Routes <see cref="AccountEnvelope"/>s by entity id. <see cref="ShardRegion.StartEntity"/> (sent by
/// remember-entities and at node start) is routed by the base class to the shard of the id it names, and must not be
/// handled here (analyzer AK2001): sharding handles it before any entity sees it. The shard of an entity id is a hash of the id only and
/// must never change between releases: remembered shards and entities are persisted under it.
/// </summary>
public sealed class AccountMessageExtractor(int maxNumberOfShards) : HashCodeMessageExtractor(maxNumberOfShards)
{
    /// <summary>The default shard count: about ten times the largest expected node count (reference/akka-net.md §6.1).</summary>
    public const int DefaultMaxShards = 100;

    /// <inheritdoc />
    public override string? EntityId(object message) => message is AccountEnvelope envelope ? envelope.EntityId : null;

    /// <summary>The account actor receives the envelope's message itself, as it does under the single-node root.</summary>
    public override object EntityMessage(object message) => message is AccountEnvelope envelope ? envelope.Message : message;
}
