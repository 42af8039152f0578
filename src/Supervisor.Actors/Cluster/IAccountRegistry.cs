using Supervisor.Actors.Accounts;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// The accounts the cluster supervises. Every node holds the same registry (read from the same configuration), so an
/// entity started on any node finds its definition from its entity id alone.
/// </summary>
public interface IAccountRegistry
{
    /// <summary>Every registered account; each is started at node start, so none waits for a first message.</summary>
    IReadOnlyCollection<AccountDefinition> Accounts { get; }

    /// <summary>The account with entity id <c>{venue}|{account}</c>, or null when it is not (or no longer) registered.</summary>
    AccountDefinition? Find(string entityId);
}
