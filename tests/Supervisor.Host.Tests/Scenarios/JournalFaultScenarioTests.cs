namespace Supervisor.Host.Tests.Scenarios;

/// <summary>
/// The state actors' reaction to a failing journal, injected in the journal protocol with Akka.Persistence.TestKit's
/// TestJournal (the SQLite and PostgreSQL outages themselves: SimulatorScenarioTests, PostgresScenarioTests). A failed
/// write stops the state actor, its backoff supervisor restarts it, it recovers and reconciles with the venue: no
/// reconnect, and every account equals the ground truth once writes pass again.
/// </summary>
public sealed class JournalFaultScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Failed_writes_stop_every_state_actor_and_once_writes_pass_each_account_equals_the_truth_without_a_reconnect()
    {
        await using var harness = await ScenarioHarness.StartAsync(4, output: output, testJournal: true);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(10, continuous: true);
        var failures = new PersistFailures(harness);

        await harness.TestJournal.OnWrite.Fail();
        try
        {
            for (var i = 0; failures.Failed.Count < harness.Accounts.Count; i++)
            {
                Assert.True(i < 40, $"only {string.Join(", ", failures.Failed)} failed a write");
                harness.Simulator.Step();
                await failures.ExpectNextAsync(harness.Accounts, TimeSpan.FromSeconds(10));
            }
            for (var i = 0; i < 10; i++)
            {
                harness.Simulator.Step();
            }
        }
        finally
        {
            await harness.TestJournal.OnWrite.Pass();
        }

        await harness.AwaitTruthAsync();
        Assert.All(await harness.StatusesAsync(), s => Assert.Equal(0, s.Reconnects));
        await harness.StepAndAwaitTruthAsync(10);
    }
}
