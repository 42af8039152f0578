namespace Supervisor.Actors.Cluster;

/// <summary>Asks the <see cref="AccountKeeper"/> to start the account <paramref name="EntityId"/> now (it was just added).</summary>
public sealed record KeepAccount(string EntityId);
