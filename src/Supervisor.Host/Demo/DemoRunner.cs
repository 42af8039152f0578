using System.Diagnostics;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.Market;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Supervisor.Configuration;
using Supervisor.Host.Hosting;
using Supervisor.Host.Status;
using Supervisor.Simulator;
using Supervisor.Venues.Rest;

namespace Supervisor.Host.Demo;

/// <summary>
/// The one-command demo: the simulator in-process with N accounts over CoinW and ChainUP (coinlocally), the supervisor
/// on a fresh SQLite journal under ./data (or a PostgreSQL database), a live table while it runs (plain summary lines when the output is not a
/// terminal), then every account's persisted state compared with the simulator's ground truth.
/// </summary>
internal sealed class DemoRunner(int accounts, TimeSpan duration, TextWriter output, bool interactive = false, bool faults = false, string? postgres = null)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var simAccounts = SimulatorOptions.GenerateAccounts(accounts);
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = simAccounts, StartPaused = true, TickInterval = TimeSpan.FromMilliseconds(250) }, cancellationToken);
        var journal = postgres is { Length: > 0 }
            ? JournalSettings.PostgreSql(postgres)
            : JournalSettings.Sqlite(Path.Combine("data", $"demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}.db"));
        if (journal.Engine == JournalEngine.Sqlite)
        {
            SqliteJournalFile.Prepare(journal.ConnectionString);
        }
        await StandInJournalCheck.ThrowIfStandInAsync(journal, cancellationToken);
        using var http = new HttpClient();
        var definitions = simAccounts.Select(a => new AccountDefinition(a.Id, a.IsChainUp
            ? new ChainUpProtocol(simulator.ChainUpUri, new ApiCredentials(a.ApiKey, a.Secret), a.Broker, a.Venue)
            : new CoinWProtocol(simulator.CoinWUri, new ApiCredentials(a.ApiKey, a.Secret)))
        {
            Snapshots = a.IsChainUp
                ? new ChainUpSnapshotClient(http, simulator.BaseUri, a.ApiKey, a.Secret, TimeProvider.System)
                : new CoinWSnapshotClient(http, simulator.BaseUri, a.ApiKey, a.Secret, TimeProvider.System),
        }).ToList();
        // One public connection for the marks of every CoinW position, however many accounts hold the instrument.
        var markets = new[] { new CoinWMarketProtocol(simulator.CoinWPublicUri) };
        using var host = SupervisorHost.Build("demo", journal, LogLevel.Error, (akka, _) => akka
            .WithAccountSupervisor(definitions, new AccountSettings(), d => AccountStateActor.Props(d.Id, d.Venue, snapshots: d.Snapshots), markets)
            .WithOperatorSettings(HoconLoader.Default()));
        await host.StartAsync(cancellationToken);
        try
        {
            var root = await host.Services.GetRequiredService<IRequiredActor<RootSupervisor>>().GetAsync(cancellationToken);
            var system = host.Services.GetRequiredService<ActorSystem>();
            return await RunSupervisedAsync(system, root, simulator, simAccounts, journal.Describe(), clock, cancellationToken);
        }
        finally
        {
            // Before the simulator goes: the accounts stop, the journal is flushed, the actor system terminates.
            await host.StopAsync(CancellationToken.None);
        }
    }

    private async Task<int> RunSupervisedAsync(ActorSystem system, IActorRef root, SimulatorHost simulator, IReadOnlyList<Simulator.Model.SimAccount> simAccounts,
        string database, Stopwatch clock, CancellationToken cancellationToken)
    {
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"demo: {accounts} accounts ({simAccounts.Count(a => !a.IsChainUp)} CoinW, {simAccounts.Count(a => a.IsChainUp)} ChainUP/coinlocally), simulator at {simulator.BaseUri}, journal {database}");

        var live = await WaitAsync(root, s => s.Connection == ConnectionStatus.Live, TimeSpan.FromSeconds(60), cancellationToken);
        output.WriteLine($"demo: {live.Count(s => s.Connection == ConnectionStatus.Live)}/{accounts} accounts live after {clock.Elapsed.TotalSeconds:F1}s; trading starts");
        simulator.PauseActivity(false);
        var started = clock.Elapsed;
        using var stopFaults = new CancellationTokenSource();
        var faultTask = faults ? InjectFaultsAsync(root, simulator, simAccounts, stopFaults.Token) : Task.CompletedTask;
        long events = 0;
        long eventsBefore = 0;
        var summary = new StatusSummary();
        if (interactive)
        {
            // A terminal: a live table, refreshed every second, instead of summary lines.
            await Spectre.Console.AnsiConsole.Live(new Spectre.Console.Table()).StartAsync(async context =>
            {
                while (clock.Elapsed - started < duration && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
                    var statuses = (await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(30))).Accounts;
                    events = statuses.Sum(s => s.Events);
                    context.UpdateTarget(await DemoTable.RenderAsync(root, statuses, system.Scheduler.Now));
                }
            });
        }
        var step = TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 10, 1, 5));
        while (!interactive && clock.Elapsed - started < duration && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(step, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
            var statuses = (await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(30))).Accounts;
            events = statuses.Sum(s => s.Events);
            output.WriteLine($"t={(clock.Elapsed - started).TotalSeconds,4:F0}s {summary.Describe(statuses, accounts, $" (+{events - eventsBefore})")}");
            eventsBefore = events;
        }
        await stopFaults.CancelAsync();
        await faultTask;
        if (faults)
        {
            // Let the last dropped accounts come back and reconcile before trading stops.
            await WaitAsync(root, s => s.Connection == ConnectionStatus.Live, TimeSpan.FromSeconds(30), CancellationToken.None);
        }
        simulator.PauseActivity(true);
        var elapsed = clock.Elapsed - started;
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        // Without injected faults the stream has no gaps, so what has no REST source (fills, ChainUP trigger orders) is compared too.
        var failures = await CompareAsync(root, simulator, simAccounts.Select(a => (a.Id, a.Venue)).ToList(), continuous: !faults, CancellationToken.None);
        var market = (await root.Ask<MarketDataStatuses>(new GetMarketDataStatus(), TimeSpan.FromSeconds(10))).Venues.Single();
        output.WriteLine($"demo: marks from one shared {market.Venue} connection ({market.Connection}, {market.Reconnects} reconnects): {string.Join(", ", market.Instruments)}, {market.MarksPublished} marks published");
        output.WriteLine($"demo: {events} events in {elapsed.TotalSeconds:F0}s ({events / Math.Max(1, elapsed.TotalSeconds):F0}/s); managed memory {(memoryAfter - memoryBefore) / 1024 / Math.Max(1, accounts)} KiB per account, process RSS {Environment.WorkingSet / 1024 / Math.Max(1, accounts)} KiB per account");
        var lags = await Task.WhenAll(simAccounts.Select(a => root.Ask<JournalLag>(new ForAccount(a.Venue, a.Id, new GetJournalLag()), TimeSpan.FromSeconds(30))));
        output.WriteLine($"demo: journal lag (frame received to its events persisted) over {lags.Sum(l => l.Writes)} writes: max {lags.Max(l => l.Max).TotalMilliseconds:F0} ms, latest write of each account at most {lags.Max(l => l.Last).TotalMilliseconds:F0} ms");
        if (failures.Count == 0)
        {
            output.WriteLine($"RESULT: {accounts}/{accounts} accounts equal to the simulator's ground truth.");
            return 0;
        }
        foreach (var failure in failures)
        {
            output.WriteLine("MISMATCH " + failure);
        }
        var failed = failures.Select(f => f.Split(':')[0]).Distinct().Count();
        output.WriteLine($"RESULT: {accounts - failed}/{accounts} accounts equal to the simulator's ground truth.");
        return 1;
    }

    /// <summary>Every few seconds, drops the sockets of a tenth of the accounts while trading goes on: what they miss comes back through reconciliation.</summary>
    private async Task InjectFaultsAsync(IActorRef root, SimulatorHost simulator, IReadOnlyList<Simulator.Model.SimAccount> all, CancellationToken cancellationToken)
    {
        var every = TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 4, 1, 10));
        var batch = Math.Max(1, all.Count / 10);
        var next = 0;
        try
        {
            while (true)
            {
                await Task.Delay(every, cancellationToken);
                var victims = Enumerable.Range(0, batch).Select(i => all[(next + i) % all.Count]).ToList();
                next = (next + batch) % all.Count;
                var dropped = Stopwatch.StartNew();
                foreach (var victim in victims)
                {
                    simulator.DropConnections(victim.Id);
                }
                output.WriteLine($"faults: dropped the sockets of {string.Join(", ", victims.Select(v => v.Id))} (trading goes on)");
                var (live, reconciled) = await RecoveryTimesAsync(root, victims, dropped, every, cancellationToken);
                output.WriteLine($"faults: {victims.Count} accounts live again after {Seconds(live)}, reconciled after {Seconds(reconciled)} (reconnect backoff 1 s included)");
            }
        }
        catch (OperationCanceledException)
        {
            // Trading ended.
        }
    }

    /// <summary>How long the dropped accounts took to be live again, and to have reconciled with the venue's snapshot (null: not within <paramref name="limit"/>).</summary>
    private static async Task<(TimeSpan? Live, TimeSpan? Reconciled)> RecoveryTimesAsync(IActorRef root, IReadOnlyList<Simulator.Model.SimAccount> victims, Stopwatch since,
        TimeSpan limit, CancellationToken cancellationToken)
    {
        TimeSpan? live = null;
        var ids = victims.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        // A dropped socket is noticed by its read loop at once; "down" first, so a status from before the drop does not count.
        var seenDown = new HashSet<string>(StringComparer.Ordinal);
        while (since.Elapsed < limit)
        {
            var statuses = (await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(30), cancellationToken)).Accounts.Where(s => ids.Contains(s.AccountId)).ToList();
            seenDown.UnionWith(statuses.Where(s => s.Connection != ConnectionStatus.Live).Select(s => s.AccountId));
            if (live is null && seenDown.Count == ids.Count && statuses.All(s => s.Connection == ConnectionStatus.Live))
            {
                live = since.Elapsed;
            }
            if (live is not null)
            {
                var states = await Task.WhenAll(victims.Select(v => root.Ask<AccountState>(new ForAccount(v.Venue, v.Id, new GetAccountState()), TimeSpan.FromSeconds(30), cancellationToken)));
                if (states.All(s => s.Reconciliation == ReconciliationStatus.Done))
                {
                    return (live, since.Elapsed);
                }
            }
            await Task.Delay(20, cancellationToken);
        }
        return (live, null);
    }

    private static string Seconds(TimeSpan? time) => time is { } t ? $"{t.TotalSeconds:F2} s" : "(not yet)";

    private static async Task<List<string>> CompareAsync(IActorRef root, SimulatorHost simulator, List<(string Id, string Venue)> accounts, bool continuous,
        CancellationToken cancellationToken)
    {
        // Pushes already sent may still be in flight, and a state actor answers only after the writes it has queued:
        // compare until equal or 60 s have passed, counting an account that does not answer as not equal yet.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var failures = new List<string>();
            foreach (var (id, venue) in accounts)
            {
                try
                {
                    var state = await root.Ask<AccountState>(new ForAccount(venue, id, new GetAccountState()), TimeSpan.FromSeconds(10), cancellationToken);
                    var truth = simulator.Truth(id);
                    failures.AddRange(DemoComparison.Differences(truth, state, continuous).Select(d => $"{id}: {d}"));
                    failures.AddRange(DemoComparison.MarkDifferences(truth, state, instrument => simulator.MarkPrice(venue, instrument)).Select(d => $"{id}: {d}"));
                }
                catch (AskTimeoutException)
                {
                    failures.Add($"{id}: its state did not answer within 10 s (still writing a backlog, or stopped)");
                }
            }
            if (failures.Count == 0 || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                return failures;
            }
            await Task.Delay(500, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<AccountStatus>> WaitAsync(IActorRef root, Func<AccountStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var statuses = (await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(30), cancellationToken)).Accounts;
            if (statuses.All(condition) || deadline.Elapsed > timeout)
            {
                return statuses;
            }
            await Task.Delay(200, cancellationToken);
        }
    }
}
