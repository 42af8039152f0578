using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Hosting;
using AkkaLogLevel = Akka.Event.LogLevel;

namespace Supervisor.Host.Hosting;

/// <summary>
/// The generic host every command runs the actor system in: Akka.Hosting's <c>AddAkka</c> with the account
/// serializer and the journal, console logs on one line each (to stderr, so a command's own output stays clean),
/// and whatever else <paramref name="configure"/> adds. Stopping the host runs Akka's CoordinatedShutdown.
/// </summary>
internal static class SupervisorHost
{
    public static IHost Build(string systemName, JournalSettings journal, LogLevel logLevel, Action<AkkaConfigurationBuilder, IServiceProvider> configure,
        bool createTables = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = Microsoft.Extensions.Logging.LogLevel.Trace);
        builder.Logging.SetMinimumLevel(logLevel);
        // The command line handles Ctrl-C and SIGTERM itself and stops the host, which runs CoordinatedShutdown.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.AddAkka(systemName, (akka, services) =>
        {
            akka.WithSupervisorLogging(AkkaLevelOf(logLevel))
                .WithAccountSerializer()
                .WithAccountJournal(journal, autoInitialize: createTables);
            configure(akka, services);
        });
        return builder.Build();
    }

    private static AkkaLogLevel AkkaLevelOf(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => AkkaLogLevel.DebugLevel,
        LogLevel.Information => AkkaLogLevel.InfoLevel,
        LogLevel.Warning => AkkaLogLevel.WarningLevel,
        _ => AkkaLogLevel.ErrorLevel,
    };
}
