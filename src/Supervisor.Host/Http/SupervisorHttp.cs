using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Supervisor.Actors.Journal;
using Supervisor.Host.Hosting;

namespace Supervisor.Host.Http;

/// <summary>
/// The HTTP side of <c>run</c> and <c>demo</c>: its services beside Akka's in the one service provider, and the
/// endpoints, all mapped in <see cref="Map"/>.
/// </summary>
internal static class SupervisorHttp
{
    /// <summary>The API's services; the actor system comes from <c>AddAkka</c>.</summary>
    public static IServiceCollection AddSupervisorHttp(this IServiceCollection services, HttpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var token = settings.Token ?? throw new ArgumentException("the HTTP API needs a token (supervisor.http.token)", nameof(settings));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(new TokenCheck(token));
        services.AddSingleton(sp => new AccountStatusQuery(sp, sp.GetRequiredService<ActorSystem>(), settings));
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<JournalLags>();
        services.AddSingleton<StreamHub>();
        services.AddSingleton(sp => new AccountJournalReader(sp.GetRequiredService<ActorSystem>()));
        services.AddHealthChecks();
        services.AddSupervisorMetrics();
        return services;
    }

    /// <summary>Every endpoint, behind the token check (which lets <c>/health*</c> through).</summary>
    public static void Map(WebApplication app)
    {
        app.UseMiddleware<TokenMiddleware>();
        HealthEndpoints.Map(app);
        RootPage.Map(app);
        AccountEndpoints.Map(app);
        StreamEndpoint.Map(app);
        // Behind the same token check: Prometheus sends it as its scrape config's bearer credentials.
        app.MapSupervisorMetrics();
    }

    /// <summary>Where a started host's server listens (its first address; the actual port when the setting said 0).</summary>
    public static string? ListeningOn(IHost host) =>
        host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
}
