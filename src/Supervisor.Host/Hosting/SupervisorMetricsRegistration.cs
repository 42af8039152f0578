using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Supervisor.Actors.Metrics;

namespace Supervisor.Host.Hosting;

/// <summary>
/// Exports <see cref="SupervisorMetrics"/> through OpenTelemetry in Prometheus' text format: <see cref="AddSupervisorMetrics"/>
/// on the host's services, <see cref="MapSupervisorMetrics"/> on the web application that serves <c>/metrics</c>.
/// The metrics and their tags: docs/metrics.md.
/// </summary>
internal static class SupervisorMetricsRegistration
{
    /// <summary>The path Prometheus scrapes.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// An OpenTelemetry MeterProvider listening to the supervisor's Meter, with the Prometheus exporter; every series
    /// carries <paramref name="node"/> as its <c>node</c> tag (the actor system reads it from these services), and the
    /// resource (Prometheus' <c>target_info</c>) names the service and the node.
    /// </summary>
    /// <param name="services">The host's services (the ones Akka.Hosting's <c>AddAkka</c> is called on).</param>
    /// <param name="node">This node's name; null: the actor system's own (a cluster node's host:port, else the host name).</param>
    public static IServiceCollection AddSupervisorMetrics(this IServiceCollection services, string? node = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (node is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(node);
            services.AddSingleton(new SupervisorMetricsOptions { Node = node });
        }
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("supervisor", serviceInstanceId: node))
            .WithMetrics(metrics => metrics.AddMeter(SupervisorMetrics.MeterName).AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c> (Prometheus text format) as an endpoint, so the caller can put the API's authorization on
    /// it like on any other (<c>.RequireAuthorization()</c>); needs <see cref="AddSupervisorMetrics"/> on the services.
    /// </summary>
    public static IEndpointConventionBuilder MapSupervisorMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPrometheusScrapingEndpoint(Path);
    }
}
