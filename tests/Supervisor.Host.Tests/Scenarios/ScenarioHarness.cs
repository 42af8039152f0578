using Microsoft.Data.Sqlite;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Market;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Supervisor.Host.Demo;
using Supervisor.Kernel.Actor;
using Supervisor.Persistence.Sql;
using Supervisor.Simulator;
using Supervisor.Venues.Rest;
using Supervisor.Simulator.Model;
using Supervisor.TestKit;
using KernelPersistence = Supervisor.Kernel.Persistence.Persistence;

namespace Supervisor.Host.Tests.Scenarios;

/// <summary>
/// The whole product on loopback: the simulator (activity driven by <see cref="Step"/>), the supervisor with a real SQLite
/// journal, fast heartbeats and short backoffs so failures heal in well under a second.
/// </summary>
internal sealed class ScenarioHarness : IAsyncDisposable
{
    private static readonly HttpClient Http = new();
    private readonly string _directory;
    private readonly IReadOnlyList<AccountDefinition> _definitions;
    private readonly bool _virtualTime;

    private ScenarioHarness(string directory, SimulatorHost simulator, SqlJournal journal, FlakyJournal flaky, IReadOnlyList<SimAccount> accounts,
        IReadOnlyList<AccountDefinition> definitions, bool virtualTime)
    {
        _directory = directory;
        _virtualTime = virtualTime;
        Simulator = simulator;
        Journal = journal;
        FlakyJournal = flaky;
        Accounts = accounts;
        _definitions = definitions;
        (System, Root) = StartSupervisor();
    }

    public SimulatorHost Simulator { get; }

    public SqlJournal Journal { get; }

    /// <summary>The journal the actors use: <see cref="Journal"/> behind an outage switch.</summary>
    public FlakyJournal FlakyJournal { get; }

    public ActorSystem System { get; private set; }

    public IActorRef Root { get; private set; }

    public IReadOnlyList<SimAccount> Accounts { get; }

    /// <summary>The virtual clock of a harness started with <c>virtualTime: true</c>.</summary>
    public TestScheduler Scheduler => System.Scheduler as TestScheduler ?? throw new InvalidOperationException("this harness runs on real time");

    private string DirectoryPath => _directory;

    /// <summary>
    /// Starts the simulator and the supervisor. On real time the heartbeats and backoffs are shortened so failures
    /// heal in well under a second; with <paramref name="virtualTime"/> every setting is the production default
    /// (10 s / 20 s pings, 1 s … 60 s backoff, 5 min auth retry; no jitter) and the test moves the clock.
    /// </summary>
    public static async Task<ScenarioHarness> StartAsync(int accounts, bool virtualTime = false, string? postgres = null)
    {
        var simAccounts = SimulatorOptions.GenerateAccounts(accounts);
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = simAccounts, TickInterval = null });
        var dir = Path.Combine(Path.GetTempPath(), "supervisor-scenario-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var journal = await SqlJournal.CreateAsync(postgres is null
            ? new SqlJournalOptions
            {
                Engine = SqlEngine.Sqlite,
                ConnectionString = $"Data Source={Path.Combine(dir, "journal.db")}",
                Serializer = StateSerialization.Serializer,
                SqliteSynchronous = "NORMAL",
            }
            : new SqlJournalOptions { Engine = SqlEngine.PostgreSql, ConnectionString = postgres, Serializer = StateSerialization.Serializer });
        var definitions = simAccounts.Select(a => new AccountDefinition(a.Id, Protocol(simulator, a, virtualTime))
        {
            Snapshots = a.IsChainUp
                ? new ChainUpSnapshotClient(Http, simulator.BaseUri, a.ApiKey, a.Secret, TimeProvider.System)
                : new CoinWSnapshotClient(Http, simulator.BaseUri, a.ApiKey, a.Secret, TimeProvider.System),
        }).ToList();
        return new ScenarioHarness(dir, simulator, journal, new FlakyJournal(journal), simAccounts, definitions, virtualTime);
    }

    private static IVenueProtocol Protocol(SimulatorHost simulator, SimAccount a, bool virtualTime)
    {
        var credentials = new ApiCredentials(a.ApiKey, a.Secret);
        if (virtualTime)
        {
            return a.IsChainUp ? new ChainUpProtocol(simulator.ChainUpUri, credentials, a.Broker, a.Venue) : new CoinWProtocol(simulator.CoinWUri, credentials);
        }
        var heartbeat = new HeartbeatSettings { Interval = TimeSpan.FromMilliseconds(300), PongTimeout = TimeSpan.FromMilliseconds(600), SilenceTimeout = TimeSpan.FromSeconds(5) };
        return a.IsChainUp
            ? new ChainUpProtocol(simulator.ChainUpUri, credentials, a.Broker, a.Venue) { Heartbeat = heartbeat, SubscriptionSettings = new SubscriptionSettings { AckTimeout = TimeSpan.FromSeconds(1), MaxRejections = 2 } }
            : new CoinWProtocol(simulator.CoinWUri, credentials) { Heartbeat = heartbeat };
    }

    /// <summary>Terminates the actor system (as a redeploy would), runs <paramref name="whileDown"/>, then starts a new one on the same journal.</summary>
    public async Task RestartSupervisorAsync(Action whileDown)
    {
        await System.Terminate();
        whileDown();
        (System, Root) = StartSupervisor();
    }

    private (ActorSystem System, IActorRef Root) StartSupervisor()
    {
        var system = _virtualTime ? ActorSystem.Create("scenario", Supervisor.TestKit.TestKit.VirtualTime()) : ActorSystem.Create("scenario");
        KernelPersistence.For(system).UseJournal(FlakyJournal).UseSnapshotStore(new SqlSnapshotStore(Journal));
        var settings = _virtualTime
            ? new AccountSettings { RandomFactor = 0 }
            : new AccountSettings { MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(500), AuthRetry = TimeSpan.FromMilliseconds(500), RandomFactor = 0 };
        var reconcileRetry = _virtualTime ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(200);
        var markets = new[] { new CoinWMarketProtocol(Simulator.CoinWPublicUri) };
        var root = system.ActorOf(RootSupervisor.Props(_definitions, settings, d => AccountStateActor.Props(d.Id, d.Venue, snapshotEvery: 25, d.Snapshots, reconcileRetry), markets), "supervisor");
        return (system, root);
    }

    public async Task<IReadOnlyList<AccountStatus>> StatusesAsync() =>
        (await Root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(10))).Accounts;

    public async Task AwaitAsync(Func<IReadOnlyList<AccountStatus>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition(await StatusesAsync()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}: {string.Join("; ", (await StatusesAsync()).Select(s => $"{s.AccountId} {s.Connection} r{s.Reconnects}"))}");
            }
            await Task.Delay(50);
        }
    }

    public Task<AccountState> StateAsync(SimAccount account) =>
        Root.Ask<AccountState>(new ForAccount(account.Venue, account.Id, new GetAccountState()), TimeSpan.FromSeconds(10));

    /// <summary>Waits until every account's state satisfies <paramref name="condition"/>.</summary>
    public async Task AwaitStatesAsync(Func<AccountState, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var states = await Task.WhenAll(Accounts.Select(StateAsync));
            if (states.All(condition))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}: {string.Join("; ", states.Select(s => $"{s.AccountId} {s.Connection} {s.Reconciliation}"))}");
            }
            await Task.Delay(50);
        }
    }

    public Task AwaitConditionAsync(Func<bool> condition, string what) => AwaitConditionAsync(() => Task.FromResult(condition()), what);

    public async Task AwaitConditionAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Moves the virtual clock in <paramref name="step"/>s, letting the real sockets and actors settle after each,
    /// until <paramref name="condition"/> holds; returns the virtual time it took.
    /// </summary>
    public async Task<TimeSpan> AdvanceUntilAsync(Func<IReadOnlyList<AccountStatus>, bool> condition, TimeSpan step, TimeSpan max, string what)
    {
        var elapsed = TimeSpan.Zero;
        while (true)
        {
            // Real time for the sockets, the simulator and the mailboxes to catch up with the last step.
            var settle = DateTime.UtcNow + TimeSpan.FromMilliseconds(200);
            do
            {
                if (condition(await StatusesAsync()))
                {
                    return elapsed;
                }
                await Task.Delay(10);
            }
            while (DateTime.UtcNow < settle);
            if (elapsed >= max)
            {
                throw new TimeoutException($"{what} did not happen within {max} of virtual time: {string.Join("; ", (await StatusesAsync()).Select(s => $"{s.AccountId} {s.Connection} r{s.Reconnects}"))}");
            }
            Scheduler.Advance(step);
            elapsed += step;
        }
    }

    public Task AwaitAllLiveAsync() => AwaitAsync(s => s.All(a => a.Connection == ConnectionStatus.Live), "every account live");

    /// <summary>Steps the simulator, then waits until every account's state equals the ground truth.</summary>
    public async Task StepAndAwaitTruthAsync(int steps, bool continuous = false)
    {
        for (var i = 0; i < steps; i++)
        {
            Simulator.Step();
        }
        await AwaitTruthAsync(continuous: continuous);
    }

    /// <summary>Waits until the accounts equal the truth; <paramref name="continuous"/> when their streams had no gap (fills and ChainUP trigger orders compared too).</summary>
    public async Task AwaitTruthAsync(IEnumerable<SimAccount>? only = null, bool continuous = false)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var differences = new List<string>();
            foreach (var account in only ?? Accounts)
            {
                AccountState state;
                try
                {
                    state = await Root.Ask<AccountState>(new ForAccount(account.Venue, account.Id, new GetAccountState()), TimeSpan.FromSeconds(1));
                }
                catch (AskTimeoutException)
                {
                    // A state actor between a journal failure and its backoff restart: the question went to dead letters.
                    differences.Add($"{account.Id}: no state actor answered");
                    continue;
                }
                differences.AddRange(DemoComparison.Differences(Simulator.Truth(account.Id), state, continuous).Select(d => $"{account.Id}: {d}"));
            }
            if (differences.Count == 0)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException("state differs from the ground truth: " + string.Join("; ", differences.Take(10)));
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await System.Terminate();
        await Journal.DisposeAsync();
        await Simulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DirectoryPath))
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
    }
}
