namespace Supervisor.Actors.State;

/// <summary>Where an account's REST reconciliation stands.</summary>
public enum ReconciliationStatus
{
    /// <summary>The account has no snapshot client: pushes only.</summary>
    NotConfigured,

    /// <summary>Waiting for the connection to go live.</summary>
    Pending,

    /// <summary>A snapshot is being fetched; pushes are buffered meanwhile.</summary>
    InProgress,

    /// <summary>The last connection's snapshot was applied.</summary>
    Done,

    /// <summary>The last attempt failed (rate limit, network, credentials); pushes flow and a retry is scheduled.</summary>
    Failed,
}
