using Supervisor.Actors.Connection;
using Supervisor.Tests.Postgres;

namespace Supervisor.Host.Tests.Scenarios;

/// <summary>
/// The whole product on the production engine: the simulator, the supervisor and a real PostgreSQL server (a
/// throw-away cluster from the Debian binaries). Trading equals the ground truth; the server stopped in the middle of
/// trading and started again loses nothing; a restarted supervisor recovers every account from it.
/// </summary>
public sealed class PostgresScenarioTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Trading_on_PostgreSQL_equals_the_ground_truth_and_survives_a_supervisor_restart()
    {
        await using var harness = await ScenarioHarness.StartAsync(10, postgres: await _server.CreateDatabaseAsync(), output: output);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(30, continuous: true);

        await harness.RestartSupervisorAsync(whileDown: () =>
        {
            for (var i = 0; i < 10; i++)
            {
                harness.Simulator.Step();
            }
        });

        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(10);
    }

    [Fact]
    public async Task The_database_server_stopped_mid_trading_and_started_again_loses_nothing()
    {
        await using var harness = await ScenarioHarness.StartAsync(6, postgres: await _server.CreateDatabaseAsync(), output: output);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(10);

        await _server.StopServerAsync();
        // Persists fail, so the state actors stop; their backoff restarts fail to recover until the server is back.
        for (var i = 0; i < 20; i++)
        {
            harness.Simulator.Step();
        }
        await _server.StartServerAsync();

        // The journal's circuit breaker opened on the failures; it lets a call through again after its reset timeout (5 s in reference.conf).
        await harness.AwaitTruthAsync(timeout: TimeSpan.FromSeconds(90));
        Assert.All(await harness.StatusesAsync(), s => Assert.Equal(ConnectionStatus.Live, s.Connection));
        await harness.StepAndAwaitTruthAsync(10);
    }
}
