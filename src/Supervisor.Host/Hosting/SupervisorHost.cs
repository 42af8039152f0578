using Akka.Cluster.Hosting;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Hosting;
using Supervisor.Host.Http;
using AkkaLogLevel = Akka.Event.LogLevel;

namespace Supervisor.Host.Hosting;

/// <summary>
/// The host every command runs the actor system in: Akka.Hosting's <c>AddAkka</c> with the account serializer and the
/// journal, console logs on one line each (to stderr, so a command's own output stays clean), and whatever else
/// <c>configure</c> adds. With <see cref="HttpSettings"/> it is an ASP.NET Core web application, so Kestrel, the API,
/// the health checks and Akka share one service provider and one lifetime; without, a plain generic host that opens no
/// port. Either way stopping the host runs Akka's CoordinatedShutdown, and signals are left to the command line.
/// </summary>
internal static class SupervisorHost
{
    /// <summary>
    /// Builds the host; <paramref name="http"/> (null: no HTTP) serves the API; <paramref name="clustered"/> (a cluster
    /// member) adds the cluster's readiness check and the wire format of the API's status question to every member.
    /// </summary>
    public static IHost Build(string systemName, JournalSettings journal, LogLevel logLevel, Action<AkkaConfigurationBuilder, IServiceProvider> configure,
        bool createTables = true, HttpSettings? http = null, bool clustered = false)
    {
        if (http is null)
        {
            var generic = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            Configure(generic, systemName, journal, logLevel, configure, createTables, http: null, clustered);
            return generic.Build();
        }
        // No args: the command line is System.CommandLine's; the slim builder reads no appsettings a working directory might hold.
        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(SupervisorHost).Assembly.GetName().Name });
        web.WebHost.UseUrls(http.Url);
        web.Services.AddSupervisorHttp(http);
        Configure(web, systemName, journal, logLevel, configure, createTables, http, clustered);
        // ASP.NET Core logs every request's URL at Information, and the demo's link carries the token in its query.
        web.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var app = web.Build();
        SupervisorHttp.Map(app);
        return app;
    }

    private static void Configure(IHostApplicationBuilder builder, string systemName, JournalSettings journal, LogLevel logLevel,
        Action<AkkaConfigurationBuilder, IServiceProvider> configure, bool createTables, HttpSettings? http, bool clustered)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(logLevel);
        // The command line handles Ctrl-C and SIGTERM itself and stops the host, which runs CoordinatedShutdown.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.AddAkka(systemName, (akka, services) =>
        {
            akka.WithSupervisorLogging(AkkaLevelOf(logLevel))
                .WithAccountSerializer()
                .WithAccountJournal(journal, autoInitialize: createTables);
            if (http is not null)
            {
                akka.WithActorSystemLivenessCheck(tags: [HealthEndpoints.LivenessTag, AkkaConfiguration.ReadinessTag]);
                if (clustered)
                {
                    akka.WithAkkaClusterReadinessCheck(tags: [AkkaConfiguration.ReadinessTag]);
                }
            }
            configure(akka, services);
        });
    }

    private static AkkaLogLevel AkkaLevelOf(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => AkkaLogLevel.DebugLevel,
        LogLevel.Information => AkkaLogLevel.InfoLevel,
        LogLevel.Warning => AkkaLogLevel.WarningLevel,
        _ => AkkaLogLevel.ErrorLevel,
    };
}
