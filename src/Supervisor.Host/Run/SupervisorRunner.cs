using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Configuration;
using Supervisor.Actors.Connection;
using Supervisor.Actors.State;
using Supervisor.Host.Status;
using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Configuration;
using Supervisor.Persistence.Sql;
using KernelPersistence = Supervisor.Kernel.Persistence.Persistence;

namespace Supervisor.Host.Run;

/// <summary>
/// <c>supervisor run</c>: reads the configuration (every problem reported at once, exit 2), opens the journal
/// (exit 3 if it cannot), starts one account tree per registry entry and prints a summary line every
/// <c>supervisor.run.status-interval</c> until cancelled or <paramref name="duration"/> has passed.
/// </summary>
internal sealed class SupervisorRunner(string configFile, TimeSpan? duration, TextWriter output, TextWriter error, CredentialSource credentials)
{
    public const int ConfigurationError = 2;
    public const int JournalError = 3;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        SupervisorConfiguration settings;
        SqlJournalOptions journalOptions;
        LogLevel logLevel;
        try
        {
            settings = SupervisorConfiguration.Read(ConfigurationFactory.FromFile(configFile), credentials);
            journalOptions = SqlJournalOptions.FromConfig(settings.Config, StateSerialization.Serializer);
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

        SqlJournal journal;
        try
        {
            CreateSqliteFolder(journalOptions);
            journal = await SqlJournal.CreateAsync(journalOptions, cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error.WriteLine($"cannot open the {journalOptions.Engine} journal (supervisor.persistence): {e.Message}");
            return JournalError;
        }
        await using (journal)
        {
            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel));
            var system = ActorSystem.Create("supervisor", ActorSystemSetup.FromConfig(settings.Config).WithLoggerFactory(loggers));
            KernelPersistence.For(system).UseJournal(journal).UseSnapshotStore(new SqlSnapshotStore(journal));
            var root = system.ActorOf(
                RootSupervisor.Props(settings.AccountDefinitions, settings.Accounts, d => AccountStateActor.Props(d.Id, d.Venue, settings.SnapshotEvery, d.Snapshots, settings.ReconcileRetry, settings.ReconcileMaxBufferedFrames),
                    settings.MarketData),
                "supervisor");
            var byVenue = settings.AccountDefinitions.GroupBy(d => d.Venue).Select(g => $"{g.Count()} {g.Key}");
            output.WriteLine($"supervisor: {settings.AccountDefinitions.Count} accounts ({string.Join(", ", byVenue)}), journal {journalOptions.Engine}");
            using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watching = settings.ReloadInterval > TimeSpan.Zero
                ? new RegistryReloader(configFile, credentials, settings.AccountDefinitions, output, error).WatchAsync(root, settings.ReloadInterval, stopWatching.Token)
                : Task.CompletedTask;
            await ReportUntilStoppedAsync(root, settings, cancellationToken);
            await stopWatching.CancelAsync();
            await watching;
            await system.Terminate();
        }
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

    private static void CreateSqliteFolder(SqlJournalOptions options)
    {
        if (options.Engine != SqlEngine.Sqlite)
        {
            return;
        }
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static LogLevel LogLevelOf(Config config)
    {
        var text = config.GetString("supervisor.run.log-level");
        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level)
            ? level
            : throw new HoconException($"'supervisor.run.log-level' must be Trace, Debug, Information, Warning, Error or None, was \"{text}\"",
                config.GetValue("supervisor.run.log-level")!.Origin);
    }
}
