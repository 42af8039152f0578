using Supervisor.Actors.Accounts;

namespace Supervisor.Actors.Cluster;

/// <summary>A fixed registry built from a list of definitions (the configuration's accounts, or a test's).</summary>
public sealed class AccountRegistry : IAccountRegistry
{
    private readonly Dictionary<string, AccountDefinition> _byEntityId = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="accounts"/>.</summary>
    /// <exception cref="ArgumentException">Two definitions share a venue and id: they would be one entity.</exception>
    public AccountRegistry(IEnumerable<AccountDefinition> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts)
        {
            var id = AccountEnvelope.EntityIdFor(account.Venue, account.Id);
            if (!_byEntityId.TryAdd(id, account))
            {
                throw new ArgumentException($"Account {account.Id} on {account.Venue} is registered twice.", nameof(accounts));
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<AccountDefinition> Accounts => _byEntityId.Values;

    /// <inheritdoc />
    public AccountDefinition? Find(string entityId) => _byEntityId.GetValueOrDefault(entityId);
}
