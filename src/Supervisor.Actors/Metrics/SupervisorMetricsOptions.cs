namespace Supervisor.Actors.Metrics;

/// <summary>
/// What the host tells the metrics at registration (<c>AddSupervisorMetrics</c>), read from the host's services when
/// the actor system's <see cref="SupervisorMetrics"/> is created.
/// </summary>
public sealed record SupervisorMetricsOptions
{
    /// <summary>The <c>node</c> tag on every series; null: the cluster self address, or the host name on a single node.</summary>
    public string? Node { get; init; }
}
