namespace Supervisor.Actors.Cluster;

/// <summary>
/// A message for one account, addressed by its entity id <c>{venue}|{account}</c>: the one shape that reaches an
/// account whether it runs under a local parent or in a shard region, so senders need not know the deployment.
/// </summary>
/// <param name="EntityId">The account's entity id, <see cref="EntityIdFor"/>.</param>
/// <param name="Message">What the account's <see cref="Accounts.AccountActor"/> receives (replies come from it).</param>
public sealed record AccountEnvelope(string EntityId, object Message)
{
    /// <summary>The entity id of an account: venue first, because account ids are only unique within a venue.</summary>
    public static string EntityIdFor(string venue, string accountId) => $"{venue}|{accountId}";

    /// <summary>An envelope for the account <paramref name="accountId"/> of <paramref name="venue"/>.</summary>
    public static AccountEnvelope For(string venue, string accountId, object message) => new(EntityIdFor(venue, accountId), message);
}
