using System.Data.Common;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Configuration;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.State;
using Supervisor.Configuration;
using Supervisor.Host.Hosting;
using Supervisor.Host.Http;
using Supervisor.Host.Status;

namespace Supervisor.Host.Run;

/// <summary>
/// <c>supervisor run</c>: reads the configuration (every problem reported at once, exit 2), opens the journal
/// (exit 3 if it cannot), starts one account tree per registry entry — or, with <c>supervisor.cluster.enabled</c>, joins
/// the cluster and hosts its share of the accounts (a node the cluster disagrees with: exit 2) — and prints a summary
/// line every <c>supervisor.run.status-interval</c> until cancelled or <paramref name="duration"/> has passed, then
/// stops the host (Akka's CoordinatedShutdown) and exits 0. A cluster node downed by the split-brain resolver exits 4.
/// Unless <c>supervisor.http.enabled</c> is off it serves the HTTP API on <c>supervisor.http.url</c> (or
/// <paramref name="httpUrl"/>, the <c>--http</c> option) and prints where; no token, or a URL it cannot listen on: exit 2.
/// </summary>
internal sealed class SupervisorRunner(string configFile, TimeSpan? duration, TextWriter output, TextWriter error, CredentialSource credentials,
    string? httpUrl = null)
{
    public const int ConfigurationError = 2;
    public const int JournalError = 3;
    public const int NodeRemoved = 4;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        SupervisorConfiguration settings;
        JournalSettings journal;
        LogLevel logLevel;
        HttpSettings http;
        try
        {
            settings = SupervisorConfiguration.Read(HoconLoader.FromFile(configFile), credentials);
            journal = JournalSettings.FromConfig(settings.Config);
            logLevel = LogLevelOf(settings.Config);
            http = HttpSettings.FromConfig(settings.Config, credentials);
            http = httpUrl is null ? http : http.WithUrl(httpUrl);
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
        if (http.RequireToken() is { } noToken)
        {
            error.WriteLine($"{configFile}: {noToken}");
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

        var cluster = settings.Cluster;
        JoinInfo? joining = null;
        if (cluster.Enabled)
        {
            try
            {
                joining = new JoinInfo(await JournalIdentity.ReadAsync(journal, cancellationToken), journal.Describe(), cluster.Shards, []);
            }
            catch (DbException e)
            {
                error.WriteLine($"cannot open the {journal.Engine} journal (supervisor.persistence): {e.Message}");
                return JournalError;
            }
        }
        Props StateFor(AccountDefinition d) =>
            AccountStateActor.Props(d.Id, d.Venue, settings.SnapshotEvery, d.Snapshots, settings.ReconcileRetry, settings.ReconcileMaxBufferedFrames);
        using var host = SupervisorHost.Build(ClusterSettings.SystemName, journal, logLevel, (akka, _) =>
        {
            if (cluster.Enabled)
            {
                akka.WithAccountCluster(cluster, joining!, new AccountRegistry(settings.AccountDefinitions), settings.Accounts, StateFor, settings.MarketData);
            }
            else
            {
                akka.WithLocalAccounts(settings.AccountDefinitions, settings.Accounts, StateFor, settings.MarketData);
            }
            akka.WithOperatorSettings(settings.Config);
        }, http: http.Enabled ? http : null, clustered: cluster.Enabled);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (IOException e) when (http.Enabled)
        {
            // Kestrel's "Failed to bind to address …"; the actor system may be up already.
            error.WriteLine($"{configFile}: supervisor.http.url: cannot listen on {http.Url} ({e.Message}). Not started.");
            await host.StopAsync(CancellationToken.None);
            return ConfigurationError;
        }
        catch (Exception e) when (cluster.Enabled && BindFailure(e) is { } bind)
        {
            error.WriteLine($"{configFile}: supervisor.cluster.hostname and port: cannot listen on {cluster.Hostname}:{cluster.Port} ({bind.Message}); "
                + "another node or program holds the port. Not started.");
            return ConfigurationError;
        }
        var system = host.Services.GetRequiredService<ActorSystem>();
        if (joining is not null && await ClusterAdmission.JoinAsync(system, cluster, joining, cancellationToken) is { } refused)
        {
            error.WriteLine($"{configFile}: {refused}");
            await host.StopAsync(CancellationToken.None);
            return ConfigurationError;
        }
        var root = await AccountRoot.GetAsync(host.Services, cancellationToken);
        var byVenue = settings.AccountDefinitions.GroupBy(d => d.Venue).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine($"supervisor: {settings.AccountDefinitions.Count} accounts ({string.Join(", ", byVenue)}), journal {journal.Describe()}"
            + (cluster.Enabled ? $", cluster node {cluster.SelfAddress} (seed nodes {string.Join(", ", cluster.SeedNodes)})" : ""));
        if (SupervisorHttp.ListeningOn(host) is { } listening)
        {
            output.WriteLine($"http: listening on {listening}");
        }
        // The actor system can also end on its own: a cluster node downed by the split-brain resolver shuts itself down.
        using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var watching = settings.ReloadInterval > TimeSpan.Zero
                ? new RegistryReloader(configFile, settings.Config, credentials, settings.AccountDefinitions, output, error).WatchAsync(root, settings.ReloadInterval, stopping.Token)
                : Task.CompletedTask;
            await ReportUntilStoppedAsync(root, settings, cluster.Enabled ? new NodeSummary(system) : null, system.WhenTerminated, cancellationToken);
            await stopping.CancelAsync();
            await watching;
        }
        var endedByItself = system.WhenTerminated.IsCompleted && !cancellationToken.IsCancellationRequested;
        // CoordinatedShutdown: the accounts stop first (in a cluster: their shards are handed off and the node leaves),
        // then the journal, then the actor system.
        await host.StopAsync(CancellationToken.None);
        if (endedByItself)
        {
            error.WriteLine(cluster.Enabled
                ? "supervisor: this node was removed from the cluster (downed by the split-brain resolver after it lost contact with the majority); its accounts run on the other nodes. Exiting so that it is restarted and joins again."
                : "supervisor: the actor system stopped unexpectedly");
            return NodeRemoved;
        }
        output.WriteLine("supervisor: stopped");
        return 0;
    }

    private async Task ReportUntilStoppedAsync(IActorRef root, SupervisorConfiguration settings, NodeSummary? node, Task terminated,
        CancellationToken cancellationToken)
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
            await Task.WhenAny(Task.Delay(wait, cancellationToken), terminated);
            if (terminated.IsCompleted)
            {
                return;
            }
            IReadOnlyList<AccountStatus> statuses;
            try
            {
                statuses = (await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(30), cancellationToken)).Accounts;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (AskTimeoutException)
            {
                if (terminated.IsCompleted)
                {
                    return;
                }
                // A report that does not come is reported; the accounts run on and the next one is asked for.
                output.WriteLine("status: the supervisor did not answer within 30 s");
                continue;
            }
            var line = summary.Describe(statuses, statuses.Count);
            output.WriteLine(node is null ? line : $"{node.Describe(statuses.Count)}: {line}");
        }
    }

    private static System.Net.Sockets.SocketException? BindFailure(Exception e) => e switch
    {
        System.Net.Sockets.SocketException socket => socket,
        AggregateException aggregate => aggregate.InnerExceptions.Select(BindFailure).FirstOrDefault(found => found is not null),
        { InnerException: { } inner } => BindFailure(inner),
        _ => null,
    };

    private static LogLevel LogLevelOf(HoconConfig config)
    {
        var text = config.GetString("supervisor.run.log-level");
        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level)
            ? level
            : throw new HoconException($"'supervisor.run.log-level' must be Trace, Debug, Information, Warning, Error or None, was \"{text}\"",
                config.GetValue("supervisor.run.log-level")!.Origin);
    }
}
