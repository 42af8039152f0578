using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.State;

namespace Supervisor.Cluster.Tests;

/// <summary>One cluster member in this process: its own generic host and actor system, remoting on 127.0.0.1.</summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    // Fast failure detection and a short SBR window, so a crash is acted on in seconds rather than the ~25 s of the
    // defaults. Terminate() must not run CoordinatedShutdown: a crashed node does not leave or hand off its shards.
    private const string TestHocon = """
        akka.loglevel = WARNING
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        akka.cluster.split-brain-resolver.stable-after = 2s
        akka.cluster.failure-detector.heartbeat-interval = 250ms
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 1s
        akka.cluster.failure-detector.expected-response-after = 500ms
        akka.cluster.gossip-interval = 250ms
        akka.cluster.leader-actions-interval = 250ms
        akka.cluster.unreachable-nodes-reaper-interval = 250ms
        akka.cluster.singleton.hand-over-retry-interval = 250ms
        akka.cluster.singleton-proxy.singleton-identification-interval = 250ms
        akka.cluster.sharding.retry-interval = 500ms
        akka.cluster.sharding.coordinator-failure-backoff = 1s
        akka.cluster.sharding.shard-start-timeout = 2s
        akka.cluster.sharding.entity-restart-backoff = 1s
        # No rebalancing during the test: accounts move only because a node died.
        akka.cluster.sharding.rebalance-interval = 600s
        """;

    private readonly IHost _host;

    private ClusterNode(IHost host, int port)
    {
        _host = host;
        Port = port;
    }

    public int Port { get; }

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public IActorRef Region => ActorRegistry.For(System).Get<AccountEntity>();

    public static async Task<ClusterNode> StartAsync(int port, int seedPort, JournalSettings journal, AccountRegistry registry)
    {
        var settings = new AccountSettings { MinBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromSeconds(30) };
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("supervisor", builder => builder
                .AddHocon(TestHocon, HoconAddMode.Prepend)
                .WithRemoting(new RemoteOptions { HostName = "127.0.0.1", Port = port })
                .WithClustering(new ClusterOptions
                {
                    SeedNodes = [$"akka.tcp://supervisor@127.0.0.1:{seedPort}"],
                    Roles = [ClusterSettings.AccountsRole],
                    SplitBrainResolver = new KeepMajorityOption(),
                    // Shards are allocated only once all three regions can take them.
                    MinimumNumberOfMembers = 3,
                })
                .WithAccountSerializer()
                .WithAccountJournal(journal)
                .WithAccountShards(registry, settings, account => AccountStateActor.Props(account.Id, account.Venue))))
            .Build();
        await host.StartAsync();
        return new ClusterNode(host, port);
    }

    /// <summary>Kills the node as a crash would, as far as one process allows: no leave, no hand-off, no goodbye.</summary>
    public Task CrashAsync() => System.Terminate();

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A survivor that cannot hand off within 15 s is abandoned: the test's verdict is already in.
        }
        _host.Dispose();
    }
}
