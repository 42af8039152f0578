using System.Data.Common;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Configuration;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.State;
using Supervisor.Configuration;
using Supervisor.Host.Hosting;
using Supervisor.Host.Status;

namespace Supervisor.Host.Run;

/// <summary>
/// <c>supervisor run</c>: reads the configuration (every problem reported at once, exit 2), opens the journal
/// (exit 3 if it cannot), starts one account tree per registry entry and prints a summary line every
/// <c>supervisor.run.status-interval</c> until cancelled or <paramref name="duration"/> has passed, then stops the host
/// (Akka's CoordinatedShutdown) and exits 0.
/// </summary>
internal sealed class SupervisorRunner(string configFile, TimeSpan? duration, TextWriter output, TextWriter error, CredentialSource credentials)
{
    public const int ConfigurationError = 2;
    public const int JournalError = 3;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        SupervisorConfiguration settings;
        JournalSettings journal;
        LogLevel logLevel;
        try
        {
            settings = SupervisorConfiguration.Read(HoconLoader.FromFile(configFile), credentials);
            journal = JournalSettings.FromConfig(settings.Config);
            logLevel = LogLevelOf(settings.Config);
        }
        catch (SupervisorConfigurationException e)
        {
            error.WriteLine($"{configFile}: {e.Problems.Count} problem(s) in the configuration:");
            foreach (var problem in e.Problems)
            {
                error.WriteLine("  " + problem);
            }
            return ConfigurationError;
        }
        catch (Exception e) when (e is HoconException or ArgumentException)
        {
            error.WriteLine(e is HoconException { Origin: not null } ? e.Message : $"{configFile}: {e.Message}");
            return ConfigurationError;
        }
        if (settings.AccountDefinitions.Count == 0)
        {
            error.WriteLine($"{configFile}: no enabled accounts in supervisor.registry; nothing to supervise");
            return ConfigurationError;
        }

        try
        {
            if (journal.Engine == JournalEngine.Sqlite)
            {
                SqliteJournalFile.Prepare(journal.ConnectionString);
            }
            await StandInJournalCheck.ThrowIfStandInAsync(journal, cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or StandInJournalException)
        {
            error.WriteLine($"cannot open the {journal.Engine} journal (supervisor.persistence): {e.Message}");
            return JournalError;
        }

        using var host = SupervisorHost.Build("supervisor", journal, logLevel, (akka, _) => akka
            .WithAccountSupervisor(settings.AccountDefinitions, settings.Accounts,
                d => AccountStateActor.Props(d.Id, d.Venue, settings.SnapshotEvery, d.Snapshots, settings.ReconcileRetry, settings.ReconcileMaxBufferedFrames),
                settings.MarketData)
            .WithOperatorSettings(settings.Config));
        await host.StartAsync(cancellationToken);
        var root = await host.Services.GetRequiredService<IRequiredActor<RootSupervisor>>().GetAsync(cancellationToken);
        var byVenue = settings.AccountDefinitions.GroupBy(d => d.Venue).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine($"supervisor: {settings.AccountDefinitions.Count} accounts ({string.Join(", ", byVenue)}), journal {journal.Describe()}");
        using (var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var watching = settings.ReloadInterval > TimeSpan.Zero
                ? new RegistryReloader(configFile, credentials, settings.AccountDefinitions, output, error).WatchAsync(root, settings.ReloadInterval, stopWatching.Token)
                : Task.CompletedTask;
            await ReportUntilStoppedAsync(root, settings, cancellationToken);
            await stopWatching.CancelAsync();
            await watching;
        }
        // CoordinatedShutdown: the accounts stop first, then the journal, then the actor system.
        await host.StopAsync(CancellationToken.None);
        output.WriteLine("supervisor: stopped");
        return 0;
    }

    private async Task ReportUntilStoppedAsync(IActorRef root, SupervisorConfiguration settings, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var summary = new StatusSummary();
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = settings.StatusInterval;
            if (duration is { } limit)
            {
                var left = limit - (DateTime.UtcNow - started);
                if (left <= TimeSpan.Zero)
                {
                    return;
                }
                wait = left < wait ? left : wait;
            }
            await Task.Delay(wait, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
            IReadOnlyList<AccountStatus> statuses;
            try
            {
                statuses = (await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(30))).Accounts;
            }
            catch (AskTimeoutException)
            {
                // A report that does not come is reported; the accounts run on and the next one is asked for.
                output.WriteLine("status: the supervisor did not answer within 30 s");
                continue;
            }
            output.WriteLine(summary.Describe(statuses, statuses.Count));
        }
    }

    private static LogLevel LogLevelOf(HoconConfig config)
    {
        var text = config.GetString("supervisor.run.log-level");
        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level)
            ? level
            : throw new HoconException($"'supervisor.run.log-level' must be Trace, Debug, Information, Warning, Error or None, was \"{text}\"",
                config.GetValue("supervisor.run.log-level")!.Origin);
    }
}
