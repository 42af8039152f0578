using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Hosting;

/// <summary>Starts the registered actors with the host and terminates the system when the host stops.</summary>
internal sealed class AkkaHostedService(
    ActorSystem system,
    IActorRegistry registry,
    IServiceProvider services,
    AkkaConfigurationBuilder builder,
    IHostApplicationLifetime lifetime) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var starter in builder.Starters)
        {
            await starter(system, registry, services).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        // An actor system that ends by itself (an escalation reached the top) takes the host down with it.
        _ = system.WhenTerminated.ContinueWith(
            _ =>
            {
                system.Log.LogInformation("{System} terminated; stopping the host", system);
                lifetime.StopApplication();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public Task StopAsync(CancellationToken cancellationToken) => system.Terminate().WaitAsync(cancellationToken);
}
