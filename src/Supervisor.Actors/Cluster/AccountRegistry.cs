using System.Collections.Immutable;
using Supervisor.Actors.Accounts;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// The registry of one node: the configuration's accounts, changed by <see cref="NodeAccounts"/> when the file is
/// reloaded. Swapped whole, so an entity starting on another thread never sees a half-made change.
/// </summary>
public sealed class AccountRegistry : IAccountRegistry
{
    private ImmutableDictionary<string, AccountDefinition> _byEntityId = ImmutableDictionary<string, AccountDefinition>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="accounts"/>.</summary>
    /// <exception cref="ArgumentException">Two definitions share a venue and id: they would be one entity.</exception>
    public AccountRegistry(IEnumerable<AccountDefinition> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts)
        {
            if (!Add(account))
            {
                throw new ArgumentException($"Account {account.Id} on {account.Venue} is registered twice.", nameof(accounts));
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<AccountDefinition> Accounts => [.. _byEntityId.Values];

    /// <inheritdoc />
    public AccountDefinition? Find(string entityId) => _byEntityId.GetValueOrDefault(entityId);

    /// <summary>Adds <paramref name="account"/>; false when its venue and id are registered already.</summary>
    public bool Add(AccountDefinition account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var id = AccountEnvelope.EntityIdFor(account.Venue, account.Id);
        return ImmutableInterlocked.TryAdd(ref _byEntityId, id, account);
    }

    /// <summary>Registers <paramref name="account"/> in place of the definition of the same venue and id, if any.</summary>
    public void Replace(AccountDefinition account)
    {
        ArgumentNullException.ThrowIfNull(account);
        ImmutableInterlocked.AddOrUpdate(ref _byEntityId, AccountEnvelope.EntityIdFor(account.Venue, account.Id), account, (_, _) => account);
    }

    /// <summary>Removes the account; false when it was not registered.</summary>
    public bool Remove(string venue, string accountId) =>
        ImmutableInterlocked.TryRemove(ref _byEntityId, AccountEnvelope.EntityIdFor(venue, accountId), out _);
}
