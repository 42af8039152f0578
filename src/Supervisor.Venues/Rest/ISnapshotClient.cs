namespace Supervisor.Venues.Rest;

/// <summary>Fetches an account's REST snapshot (balances, positions, open orders) with signed calls.</summary>
public interface ISnapshotClient
{
    /// <summary>The snapshot, or the first error met (rate limit, authentication, signature, shape).</summary>
    Task<RestResult<AccountSnapshot>> FetchAsync(CancellationToken cancellationToken);
}
