using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Hosting;

// Public entry points live in the namespace that users of the generic host already import.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an actor system with the generic host (Akka.Hosting's <c>AddAkka</c>).</summary>
public static class AkkaServiceCollectionExtensions
{
    /// <summary>Adds an actor system that starts and stops with the host, plus <see cref="ActorRegistry"/> and <see cref="IRequiredActor{TKey}"/>.</summary>
    public static IServiceCollection AddAkka(this IServiceCollection services, string actorSystemName, Action<AkkaConfigurationBuilder> configure) =>
        services.AddAkka(actorSystemName, (builder, _) => configure(builder));

    /// <summary>Adds an actor system that starts and stops with the host; <paramref name="configure"/> may read services.</summary>
    public static IServiceCollection AddAkka(this IServiceCollection services, string actorSystemName, Action<AkkaConfigurationBuilder, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(provider =>
        {
            var builder = new AkkaConfigurationBuilder(actorSystemName);
            configure(builder, provider);
            return builder;
        });
        services.TryAddSingleton(provider =>
        {
            var builder = provider.GetRequiredService<AkkaConfigurationBuilder>();
            var setup = builder.Setup;
            if (setup.LoggerFactory is null && provider.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                setup = setup.WithLoggerFactory(loggerFactory);
            }
            return ActorSystem.Create(builder.ActorSystemName, setup);
        });
        services.TryAddSingleton<ActorRegistry>();
        services.TryAddSingleton<IActorRegistry>(provider => provider.GetRequiredService<ActorRegistry>());
        services.TryAddSingleton(typeof(IRequiredActor<>), typeof(RequiredActor<>));
        services.AddHostedService<AkkaHostedService>();
        return services;
    }
}
