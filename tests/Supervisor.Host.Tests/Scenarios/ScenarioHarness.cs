using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.TestKit;
using Akka.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Hosting;
using Supervisor.Configuration;
using Supervisor.Actors.Market;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Supervisor.Host.Hosting;
using Supervisor.Host.Http;
using Supervisor.Simulator;
using Supervisor.Simulator.Model;
using Supervisor.Venues.Rest;
using Kit = Akka.TestKit.Xunit2.TestKit;

namespace Supervisor.Host.Tests.Scenarios;

/// <summary>
/// The whole product on loopback: the simulator (activity driven by <see cref="Simulator"/>.Step), the supervisor in the
/// product's generic host (<see cref="SupervisorHost"/>, the same Akka.Hosting wiring as <c>run</c>) on a real SQLite
/// file or PostgreSQL database, fast heartbeats and short backoffs so failures heal in well under a second. An
/// Akka.TestKit is attached to the host's actor system for its waits and probes.
/// </summary>
internal sealed partial class ScenarioHarness : IAsyncDisposable
{
    // The virtual clock drives Akka.Persistence's own timeouts too (circuit breaker, recovery event timeout); an advance
    // past them while a real database answers in wall-clock time would fail a healthy call, so they are out of reach.
    private const string VirtualTime = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.persistence.journal.sql { circuit-breaker.call-timeout = 1h, recovery-event-timeout = 1h }
        akka.persistence.snapshot-store.sql.circuit-breaker.call-timeout = 1h
        """;

    // Akka.Persistence.TestKit's in-memory plugins over the SQL ones the host configured, for fault injection in the
    // journal protocol itself (the base class that would set this up is not in the served packages).
    private const string TestPlugins = """
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test { class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit", plugin-dispatcher = "akka.actor.default-dispatcher" }
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.test"
        akka.persistence.snapshot-store.test { class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit", plugin-dispatcher = "akka.actor.default-dispatcher" }
        """;

    private static readonly HttpClient Http = new();
    private readonly string _directory;
    private readonly IReadOnlyList<AccountDefinition> _definitions;
    private readonly bool _virtualTime;
    private readonly bool _testJournal;
    private readonly ITestOutputHelper? _output;
    private readonly HttpSettings? _http;
    private IHost? _host;

    private ScenarioHarness(string directory, SimulatorHost simulator, JournalSettings journal, IReadOnlyList<SimAccount> accounts,
        IReadOnlyList<AccountDefinition> definitions, bool virtualTime, bool testJournal, ITestOutputHelper? output, HttpSettings? http)
    {
        _http = http;
        _directory = directory;
        _testJournal = testJournal;
        _virtualTime = virtualTime;
        _output = output;
        Simulator = simulator;
        Journal = journal;
        Accounts = accounts;
        _definitions = definitions;
    }

    public SimulatorHost Simulator { get; }

    /// <summary>Where the supervisor's journal and snapshots are.</summary>
    public JournalSettings Journal { get; }

    public ActorSystem System { get; private set; } = null!;

    public IActorRef Root { get; private set; } = null!;

    /// <summary>The TestKit over the running <see cref="System"/> (a new one after a restart).</summary>
    public Kit Kit { get; private set; } = null!;

    public IReadOnlyList<SimAccount> Accounts { get; }

    /// <summary>The running host's services (the API's too, for a harness started with HTTP).</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("the supervisor is not running");

    /// <summary>Where the API of a harness started with <c>http</c> listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri HttpUri => new(SupervisorHttp.ListeningOn(_host!) ?? throw new InvalidOperationException("this harness serves no HTTP"));

    /// <summary>The in-memory journal of a harness started with <c>testJournal: true</c>, with its fault switches.</summary>
    public ITestJournal TestJournal => _testJournal
        ? Akka.Persistence.TestKit.TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(System).JournalFor(null))
        : throw new InvalidOperationException("this harness runs on the SQL journal");

    /// <summary>The virtual clock of a harness started with <c>virtualTime: true</c>.</summary>
    public TestScheduler Scheduler => System.Scheduler as TestScheduler ?? throw new InvalidOperationException("this harness runs on real time");

    /// <summary>
    /// Starts the simulator and the supervisor. On real time the heartbeats and backoffs are shortened so failures
    /// heal in well under a second; with <paramref name="virtualTime"/> every setting is the production default
    /// (10 s / 20 s pings, 1 s … 60 s backoff, 5 min auth retry; no jitter) and the test moves the clock. With
    /// <paramref name="testJournal"/> the events go to Akka.Persistence.TestKit's in-memory journal instead (lost on a restart).
    /// With <paramref name="http"/> the host also serves the HTTP API, as <c>run</c> does.
    /// </summary>
    public static async Task<ScenarioHarness> StartAsync(int accounts, bool virtualTime = false, string? postgres = null, ITestOutputHelper? output = null,
        bool testJournal = false, HttpSettings? http = null)
    {
        var simAccounts = SimulatorOptions.GenerateAccounts(accounts);
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = simAccounts, TickInterval = null });
        var dir = Path.Combine(Path.GetTempPath(), "supervisor-scenario-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // A one-second command timeout: while a test holds the file's write lock (SqliteWriteLock), a write fails
        // after SQLite's own busy timeout instead of the driver retrying for 30 s.
        var journal = postgres is null
            ? new JournalSettings(JournalEngine.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "journal.db"), DefaultTimeout = 1 }.ConnectionString)
            {
                SqliteSynchronous = "NORMAL",
            }
            : JournalSettings.PostgreSql(postgres);
        var definitions = simAccounts.Select(a => new AccountDefinition(a.Id, Protocol(simulator, a, virtualTime))
        {
            Snapshots = a.IsChainUp
                ? new ChainUpSnapshotClient(Http, simulator.BaseUri, a.ApiKey, a.Secret, TimeProvider.System)
                : new CoinWSnapshotClient(Http, simulator.BaseUri, a.ApiKey, a.Secret, TimeProvider.System),
        }).ToList();
        var harness = new ScenarioHarness(dir, simulator, journal, simAccounts, definitions, virtualTime, testJournal, output, http);
        try
        {
            await harness.StartSupervisorAsync();
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
        return harness;
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

    /// <summary>Stops the host (CoordinatedShutdown, as a redeploy would), runs <paramref name="whileDown"/>, then starts a new one on the same journal.</summary>
    public async Task RestartSupervisorAsync(Action whileDown)
    {
        await StopSupervisorAsync();
        whileDown();
        await StartSupervisorAsync();
    }

    private async Task StartSupervisorAsync()
    {
        if (Journal.Engine == JournalEngine.Sqlite)
        {
            SqliteJournalFile.Prepare(Journal.ConnectionString);
        }
        var settings = _virtualTime
            ? new AccountSettings { RandomFactor = 0 }
            : new AccountSettings { MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(500), AuthRetry = TimeSpan.FromMilliseconds(500), RandomFactor = 0 };
        var reconcileRetry = _virtualTime ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(200);
        var markets = new[] { new CoinWMarketProtocol(Simulator.CoinWPublicUri) };
        // Errors only (Akka publishes them for PersistFailures and the kit's test output); none on the console.
        _host = SupervisorHost.Build("scenario", Journal, LogLevel.None, (akka, _) =>
        {
            akka.WithLocalAccounts(_definitions, settings, d => AccountStateActor.Props(d.Id, d.Venue, snapshotEvery: 25, d.Snapshots, reconcileRetry), markets)
                // The product's akka settings (reference.conf), as run and demo apply them; the test's own go over them.
                .WithOperatorSettings(HoconLoader.Default())
                // The TestKit's settings (akka.test.*) below everything, for the kit attached after the start.
                .AddHocon(Kit.DefaultConfig, HoconAddMode.Append);
            if (_virtualTime)
            {
                akka.AddHocon(VirtualTime, HoconAddMode.Prepend);
            }
            if (_testJournal)
            {
                akka.AddHocon(TestPlugins, HoconAddMode.Prepend);
            }
        }, http: _http);
        await _host.StartAsync();
        System = _host.Services.GetRequiredService<ActorSystem>();
        Root = await _host.Services.GetRequiredService<IRequiredActor<NodeAccounts>>().GetAsync();
        Kit = new Kit(System, _output);
    }

    private async Task StopSupervisorAsync()
    {
        if (_host is null)
        {
            return;
        }
        await _host.StopAsync();
        _host.Dispose();
        _host = null;
        if (Kit is not null)
        {
            Kit.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopSupervisorAsync();
        await Simulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
