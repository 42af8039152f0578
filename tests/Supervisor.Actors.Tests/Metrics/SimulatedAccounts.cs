using Akka.Actor;
using Akka.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.Metrics;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Supervisor.Simulator;
using Supervisor.Simulator.Model;
using Kit = Akka.TestKit.Xunit2.TestKit;

namespace Supervisor.Actors.Tests.Metrics;

/// <summary>
/// Real accounts (AccountActor with its connection and its state on a real SQLite file) against the in-process
/// simulator on loopback, in a system started by Akka.Hosting as the product starts it, with the node tag given the
/// way the host gives it (<see cref="SupervisorMetricsOptions"/> in the services), a recorder on that system's Meter
/// and a TestKit for the waits. No reconciliation (no snapshot clients), so every journal write comes from frames.
/// </summary>
internal sealed class SimulatedAccounts : IAsyncDisposable
{
    public const string Node = "metrics-test-node";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private readonly string _directory;
    private readonly IHost _host;

    private SimulatedAccounts(string directory, SimulatorHost simulator, IHost host, IReadOnlyList<SimAccount> accounts, Dictionary<string, IActorRef> actors)
    {
        _directory = directory;
        _host = host;
        Simulator = simulator;
        Accounts = accounts;
        Actors = actors;
        System = host.Services.GetRequiredService<ActorSystem>();
        Metrics = SupervisorMetrics.For(System);
        Recorder = new MetricsRecorder(Metrics.Meter);
        Kit = new Kit(System);
    }

    public SimulatorHost Simulator { get; }

    public IReadOnlyList<SimAccount> Accounts { get; }

    /// <summary>The account actors by account id.</summary>
    public IReadOnlyDictionary<string, IActorRef> Actors { get; }

    public ActorSystem System { get; }

    public SupervisorMetrics Metrics { get; }

    public MetricsRecorder Recorder { get; }

    public Kit Kit { get; }

    /// <summary>Starts <paramref name="count"/> accounts, alternating CoinW and the ChainUP tenant coinlocally.</summary>
    public static async Task<SimulatedAccounts> StartAsync(int count)
    {
        var accounts = SimulatorOptions.GenerateAccounts(count);
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = accounts, TickInterval = null });
        var directory = Path.Combine(Path.GetTempPath(), "supervisor-metrics-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var journal = JournalSettings.Sqlite(Path.Combine(directory, "journal.db"));
        SqliteJournalFile.Prepare(journal.ConnectionString);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(new SupervisorMetricsOptions { Node = Node });
        builder.Services.AddAkka("metrics-" + Guid.NewGuid().ToString("N")[..8], (akka, _) => akka
            .WithAccountSerializer()
            .WithAccountJournal(journal)
            .AddHocon(Kit.DefaultConfig, HoconAddMode.Append));
        var host = builder.Build();
        await host.StartAsync();
        // Short heartbeats and backoffs, so a forced failure heals in well under a second.
        var settings = new AccountSettings { MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(500), RandomFactor = 0 };
        var heartbeat = new HeartbeatSettings { Interval = TimeSpan.FromMilliseconds(300), PongTimeout = TimeSpan.FromMilliseconds(600), SilenceTimeout = TimeSpan.FromSeconds(5) };
        var system = host.Services.GetRequiredService<ActorSystem>();
        var actors = new Dictionary<string, IActorRef>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            var credentials = new ApiCredentials(account.ApiKey, account.Secret);
            IVenueProtocol protocol = account.IsChainUp
                ? new ChainUpProtocol(simulator.ChainUpUri, credentials, account.Broker, account.Venue) { Heartbeat = heartbeat }
                : new CoinWProtocol(simulator.CoinWUri, credentials) { Heartbeat = heartbeat };
            var definition = new AccountDefinition(account.Id, protocol);
            actors[account.Id] = system.ActorOf(AccountActor.Props(definition, settings, AccountStateActor.Props(account.Id, account.Venue)), definition.ActorName);
        }
        return new SimulatedAccounts(directory, simulator, host, accounts, actors);
    }

    public Task AwaitAsync(Func<bool> condition, string what) =>
        Kit.AwaitAssertAsync(() => Assert.True(condition(), "waiting for " + what), Wait, Poll);

    public async Task<AccountStatus> StatusAsync(SimAccount account) =>
        await Actors[account.Id].Ask<AccountStatus>(new GetAccountStatus(), TimeSpan.FromSeconds(10));

    public async Task<JournalLag> LagAsync(SimAccount account) =>
        await Actors[account.Id].Ask<JournalLag>(new GetJournalLag(), TimeSpan.FromSeconds(10));

    /// <summary>Waits until every account is live (by asking them, not by the metric under test).</summary>
    public Task AwaitAllLiveAsync() =>
        Kit.AwaitAssertAsync(async () =>
        {
            foreach (var account in Accounts)
            {
                Assert.Equal(ConnectionStatus.Live, (await StatusAsync(account)).Connection);
            }
        }, Wait, Poll);

    public async ValueTask DisposeAsync()
    {
        Recorder.Dispose();
        await _host.StopAsync();
        _host.Dispose();
        Kit.Dispose();
        await Simulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
