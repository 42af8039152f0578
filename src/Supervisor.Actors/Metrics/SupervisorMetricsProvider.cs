using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.DependencyInjection;

namespace Supervisor.Actors.Metrics;

/// <summary>Creates a system's <see cref="SupervisorMetrics"/>, from the host's services when Akka.Hosting started the system.</summary>
public sealed class SupervisorMetricsProvider : ExtensionIdProvider<SupervisorMetrics>
{
    /// <inheritdoc />
    public override SupervisorMetrics CreateExtension(ExtendedActorSystem system)
    {
        var setup = system.Settings.Setup.Get<DependencyResolverSetup>();
        var services = setup.HasValue ? setup.Value.DependencyResolver : null;
        var options = services?.GetService<SupervisorMetricsOptions>() as SupervisorMetricsOptions;
        var node = options?.Node is { Length: > 0 } named ? named : NodeIdentity.Of(system);
        var meterOptions = new MeterOptions(SupervisorMetrics.MeterName);
        if (services?.GetService<IMeterFactory>() is IMeterFactory factory)
        {
            // The factory owns the Meter: disposed with the host's services, after the system it served.
            return new SupervisorMetrics(factory.Create(meterOptions), node);
        }
        var meter = new Meter(meterOptions);
        system.RegisterOnTermination(meter.Dispose);
        return new SupervisorMetrics(meter, node);
    }
}
