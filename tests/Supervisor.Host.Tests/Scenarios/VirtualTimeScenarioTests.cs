using Supervisor.Actors.Connection;

namespace Supervisor.Host.Tests.Scenarios;

/// <summary>
/// Rows of the failure table with the production timings (CoinW ping 10 s + 5 s pong deadline, ChainUP 20 s + 10 s,
/// backoff 1 s doubling to 60 s, auth retry 5 min) on virtual time: the simulator and the sockets are real, the
/// supervisor's clock moves only when the test says, so "not before the deadline" is as checkable as "after it".
/// </summary>
public sealed class VirtualTimeScenarioTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Stalled_pongs_fail_the_connection_after_the_ping_interval_and_pong_deadline_and_it_reconnects_after_the_backoff()
    {
        await using var harness = await ScenarioHarness.StartAsync(2, virtualTime: true, output: output);
        await harness.AdvanceUntilAsync(s => s.All(a => a.Connection == ConnectionStatus.Live), Step, TimeSpan.FromSeconds(5), "every account live");
        await harness.StepAndAwaitTruthAsync(5);
        foreach (var account in harness.Accounts)
        {
            harness.Simulator.Faults(account.Id).StallPings = true;
        }

        var start = harness.Scheduler.Now;
        var noticed = new Dictionary<string, TimeSpan>();
        await harness.AdvanceUntilAsync(s =>
        {
            foreach (var account in s.Where(a => a.Connection != ConnectionStatus.Live))
            {
                noticed.TryAdd(account.AccountId, harness.Scheduler.Now - start);
            }
            return noticed.Count == s.Count;
        }, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(40), "both noticing the stall");
        // The next ping goes out at most one interval after the last pong, and its deadline is one pong timeout later.
        Assert.InRange(noticed[harness.Accounts.Single(a => !a.IsChainUp).Id], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10 + 5 + 1));
        Assert.InRange(noticed[harness.Accounts.Single(a => a.IsChainUp).Id], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20 + 10 + 1));

        foreach (var account in harness.Accounts)
        {
            harness.Simulator.Faults(account.Id).StallPings = false;
        }
        await harness.AdvanceUntilAsync(s => s.All(a => a.Connection == ConnectionStatus.Live), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(70), "both reconnected");
        await harness.StepAndAwaitTruthAsync(5);
    }

    [Fact]
    public async Task A_dropped_socket_waits_for_the_backoff_and_a_second_drop_waits_twice_as_long()
    {
        await using var harness = await ScenarioHarness.StartAsync(2, virtualTime: true, output: output);
        await harness.AdvanceUntilAsync(s => s.All(a => a.Connection == ConnectionStatus.Live), Step, TimeSpan.FromSeconds(5), "every account live");

        foreach (var (drop, backoff) in new[] { (1, TimeSpan.FromSeconds(1)), (2, TimeSpan.FromSeconds(2)) })
        {
            foreach (var account in harness.Accounts)
            {
                harness.Simulator.DropConnections(account.Id);
            }
            await harness.AdvanceUntilAsync(s => s.All(a => a.Connection == ConnectionStatus.Reconnecting), Step, TimeSpan.Zero, $"drop {drop} noticed");
            // Nothing reconnects before the backoff, however long the real wait.
            await harness.AdvanceUntilAsync(s => s.All(a => a.Connection == ConnectionStatus.Reconnecting), Step, TimeSpan.Zero, "still waiting");
            var waited = await harness.AdvanceUntilAsync(s => s.All(a => a.Reconnects == drop), Step, backoff + TimeSpan.FromSeconds(2), $"reconnect {drop} starting");
            Assert.Equal(backoff, waited);
            // CoinW's five channels take two windows of its 3-per-second subscribe limit.
            await harness.AdvanceUntilAsync(s => s.All(a => a.Connection == ConnectionStatus.Live), Step, TimeSpan.FromSeconds(3), $"live after reconnect {drop}");
        }
        for (var i = 0; i < 10; i++)
        {
            harness.Simulator.Step();
        }
        await harness.AwaitTruthAsync();
    }

    [Fact]
    public async Task Rejected_credentials_are_retried_after_five_minutes_and_not_sooner()
    {
        await using var harness = await ScenarioHarness.StartAsync(2, virtualTime: true, output: output);
        var victim = harness.Accounts.Single(a => !a.IsChainUp).Id;
        harness.Simulator.Faults(victim).RejectAuth = true;
        await harness.AdvanceUntilAsync(s => s.Single(a => a.AccountId == victim).Connection == ConnectionStatus.AuthFailed
            && s.Single(a => a.AccountId != victim).Connection == ConnectionStatus.Live, Step, TimeSpan.FromSeconds(5), "AuthFailed beside a live account");

        // Steps of one CoinW ping interval: a periodic timer fires once per advance, so the healthy account's pings
        // keep pace with the clock and it must stay live through the victim's five-minute waits.
        var step = TimeSpan.FromSeconds(10);
        await harness.AdvanceUntilAsync(s => s.Single(a => a.AccountId == victim).AuthFailures == 2, step, TimeSpan.FromMinutes(6), "the second attempt");
        Assert.Equal(ConnectionStatus.Live, (await harness.StatusesAsync()).Single(a => a.AccountId != victim).Connection);
        harness.Simulator.Faults(victim).RejectAuth = false;
        var retried = await harness.AdvanceUntilAsync(s => s.Single(a => a.AccountId == victim).Connection == ConnectionStatus.Live, step, TimeSpan.FromMinutes(6), "live after the credentials work again");
        Assert.InRange(retried, TimeSpan.FromMinutes(5) - step, TimeSpan.FromMinutes(5) + step);
        Assert.Equal(ConnectionStatus.Live, (await harness.StatusesAsync()).Single(a => a.AccountId != victim).Connection);
    }
}
