using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Supervisor.Actors.Hosting;

namespace Supervisor.Host.Http;

/// <summary>
/// <c>/health</c> (liveness: the actor system runs) and <c>/health/ready</c> (readiness: the actor system, the
/// journal's two checks, and in a cluster the member being up), the checks Akka.Hosting, Akka.Persistence.Hosting and
/// Akka.Cluster.Hosting provide (the journal's connectivity through Akka.Hosting's delegate check, see
/// <c>JournalConnectivity</c>), selected by tag. 200 when healthy (or degraded), 503 when not, as orchestrators expect;
/// the body names each check, its status and its short description, never an exception's text (these endpoints need
/// no token).
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>The tag of the liveness checks.</summary>
    public const string LivenessTag = "live";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", Options(LivenessTag));
        app.MapHealthChecks("/health/ready", Options(AkkaConfiguration.ReadinessTag));
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        ResponseWriter = WriteAsync,
    };

    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1) }),
        }, ApiJson.Options);
}
